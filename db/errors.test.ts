import { inspect } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import { forLog, isUniqueViolation } from '@/lib/errors';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { DatabaseError, redactMessage } from './errors';
import { createCase, listCases } from './queries/cases';
import { caseParties, cases } from './schema';
import { intakeFacts } from '@/lib/testing/intake';

const CANARY = /Canary|3201019999990001|X9988776/i;

/** Everything a log could show of an error: how Next.js prints it, and how Payung's own handlers do. */
async function printed(work: Promise<unknown>): Promise<{ error: unknown; text: string }> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the statement should have failed').not.toBeNull();
  return { error, text: `${inspect(error, { depth: 8, showHidden: true })}\n${String(error)}\n${forLog(error)}\n${(error as Error).stack}` };
}

describe('redactMessage', () => {
  it('takes out quoted parts and long digit runs, keeps the rest', () => {
    expect(redactMessage('invalid input syntax for type uuid: "Canary Name"')).toBe('invalid input syntax for type uuid: "…"');
    expect(redactMessage('duplicate key value violates unique constraint "x"\nDETAIL: Key (nik)=(3201019999990001)')).toBe('duplicate key value violates unique constraint "…"');
    expect(redactMessage('value 3201019999990001 out of range')).toBe('value … out of range');
  });
});

describe.each(testDatabaseKinds())('errors of the database client on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it('carry no parameter, no quoted value and no detail, whoever prints them', async () => {
    const badUuid = await printed(h.db.select().from(cases).where(eq(cases.id, 'Canary Name 3201019999990001')));
    expect(badUuid.error).toBeInstanceOf(DatabaseError);
    expect(badUuid.text).not.toMatch(CANARY);
    expect(badUuid.text).toMatch(/22P02/);

    const nul = await printed(listCases(h.db, actorOf('supervisor'), { q: 'Canary X9988776\u0000' }));
    expect(nul.text).not.toMatch(CANARY);

    const raw = await printed(h.db.execute(sql`SELECT ${'Canary 3201019999990001'}::int`));
    expect(raw.text).not.toMatch(CANARY);
  });

  it('keep the code and constraint that callers test', async () => {
    const kul = await officerActor(h.db, 'officer.kul@payung.test');
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'labour', narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Canary Person' }] });
    const { id } = await h.db.transaction((tx) => createCase(tx, kul, input));
    const [party] = await h.db.select({ caseId: caseParties.caseId, personId: caseParties.personId, pseudonym: caseParties.pseudonym }).from(caseParties).where(eq(caseParties.caseId, id));
    const duplicate = await printed(h.db.insert(caseParties).values({ caseId: party!.caseId, personId: party!.personId, role: 'subject', pseudonym: party!.pseudonym }));
    expect(isUniqueViolation(duplicate.error)).toMatchObject({ constraint: expect.stringContaining('pseudonym') });
    expect(duplicate.text).not.toContain(party!.pseudonym);
    expect(duplicate.text).not.toContain(party!.personId);
  });
});
