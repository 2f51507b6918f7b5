import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DbHandle, setHandle } from '@/db';
import { createCase } from '@/db/queries/cases';
import { DUPLICATE_CHECK_LIMIT } from '@/db/queries/people';
import { auditEvents, rateLimits } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { lookupKey } from '@/lib/lookup-key';
import { officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { intakeFacts } from '@/lib/testing/intake';

const current: { actor: Actor | null } = { actor: null };
vi.mock('@/lib/auth/actor', () => ({ getActor: async () => current.actor }));
const { checkDuplicatesAction } = await import('./actions');

const NIK = '3201014708950123';

describe.each(testDatabaseKinds())('the duplicate check on %s', (kind) => {
  let h: DbHandle;
  let jed: Actor;
  beforeAll(async () => {
    process.env.AUTH_SECRET = 'test-secret-for-lookup-keys-0123456789';
    h = await openTestDatabase(kind);
    setHandle(h);
    await seedDemo(h.db);
    const kul = await officerActor(h.db, 'officer.kul@payung.test');
    jed = await officerActor(h.db, 'officer.jed@payung.test');
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'labour', narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Kuala Person', nik: NIK }] });
    await h.db.transaction((tx) => createCase(tx, kul, input));
  });
  afterAll(() => h?.close());

  const check = (nik: string) => checkDuplicatesAction({ nik, passportNumber: '', fullName: '', dateOfBirth: '' });

  it('answers across missions, and records who looked up which number by its keyed hash only', async () => {
    current.actor = jed;
    const result = await check(NIK);
    expect(result).toMatchObject({ ok: true, data: [{ matchedOn: ['nik'], otherMissions: ['KUL'], visibleCases: [] }] });
    const rows = await h.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'person.duplicate_check'), eq(auditEvents.actorId, jed.id!)));
    expect(rows.map((r) => r.details)).toEqual([{ matches: 1, nik: lookupKey('nik', NIK) }]);
    expect(JSON.stringify(rows)).not.toContain(NIK);
  });

  it('is limited per user, in the database, and says so', async () => {
    current.actor = jed;
    const windowStart = new Date(Math.floor(Date.now() / DUPLICATE_CHECK_LIMIT.windowMs) * DUPLICATE_CHECK_LIMIT.windowMs);
    await h.db
      .insert(rateLimits)
      .values({ key: `duplicate-check:${jed.id}`, windowStart, count: DUPLICATE_CHECK_LIMIT.checks })
      .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: DUPLICATE_CHECK_LIMIT.checks } });
    expect(await check('3201014708950999')).toMatchObject({ ok: false, code: 'busy', error: 'errors.tooManyLookups' });
  });
});
