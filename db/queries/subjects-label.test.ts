import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { generateDemoCases } from '@/db/demo/generate';
import { rowsOf } from '@/db/rows';
import { caseParties, cases, persons } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { emptyParty, partySchema, updatePartySchema } from '@/lib/validation/people';
import { createCase, getCase } from './cases';
import { addParty, updateParty } from './parties';
import { revealIdentity } from './people';
import { intakeFacts } from '@/lib/testing/intake';

/**
 * cases.subjects_label and subject_count (migration 0035) are a second copy of the subjects: the
 * triggers must keep it equal to the subjects themselves after every kind of write.
 */
describe.each(testDatabaseKinds())('the subjects kept on each case on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;

  /** Cases whose kept label or count differ from their subjects as they are. */
  const drifted = async () =>
    rowsOf<{ reference: string }>(
      h.db,
      sql`SELECT c.reference FROM cases c CROSS JOIN LATERAL (
        SELECT string_agg(CASE WHEN p.is_identity_undisclosed THEN cp.pseudonym ELSE p.full_name END, '; ' ORDER BY length(cp.pseudonym), cp.pseudonym) AS label, count(*)::int AS n,
          (array_agg(CASE WHEN p.is_identity_undisclosed THEN cp.pseudonym ELSE p.full_name END ORDER BY length(cp.pseudonym), cp.pseudonym))[1] AS first
        FROM case_parties cp JOIN persons p ON p.id = cp.person_id WHERE cp.case_id = c.id AND cp.role = 'subject') s
      CROSS JOIN LATERAL (
        SELECT string_agg(lower(p.full_name), E'\n' ORDER BY length(cp.pseudonym), cp.pseudonym) AS names
        FROM case_parties cp JOIN persons p ON p.id = cp.person_id WHERE cp.case_id = c.id AND NOT p.is_identity_undisclosed) a
      WHERE (c.subjects_label, c.first_subject_label, c.subject_count, c.party_names) IS DISTINCT FROM (s.label, s.first, s.n, a.names)`,
    );
  const names = async (id: string) => (await h.db.select({ names: cases.partyNames }).from(cases).where(eq(cases.id, id)))[0]!.names?.split('\n');
  const kept = async (id: string) => (await h.db.select({ label: cases.subjectsLabel, n: cases.subjectCount }).from(cases).where(eq(cases.id, id)))[0];

  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    await generateDemoCases(h.db, { cases: 120, seed: 11, years: 2, now: new Date('2026-11-29T08:00:00Z'), batchSize: 60 });
    kul = await officerActor(h.db, 'officer.kul@payung.test');
  }, 120_000);
  afterAll(() => h?.close());

  it('match the subjects of every seeded and generated case', async () => {
    expect(await drifted()).toEqual([]);
    const [{ n }] = await rowsOf<{ n: number }>(h.db, sql`SELECT count(*)::int AS n FROM cases WHERE subject_count > 0`);
    expect(n).toBeGreaterThan(100);
  });

  it('follow intake, added people, renames, closed identities, role changes and removals', async () => {
    const input = createCaseSchema.parse({
      ...emptyCase, ...intakeFacts,
      narrative: 'crew',
      subjects: [{ ...emptySubject, fullName: 'Ani Rahayu' }, { ...emptySubject, fullName: 'Hidden Crew', isIdentityUndisclosed: true }],
    });
    const { id, reference } = await h.db.transaction((tx) => createCase(tx, kul, input));
    expect(await kept(id)).toEqual({ label: `Ani Rahayu; ${reference}-S2`, n: 2 });

    let version = (await getCase(h.db, kul, id))!.version;
    const added = await addParty(h.db, kul, partySchema.parse({ ...emptyParty(id, version), role: 'subject', fullName: 'Budi Santoso' }));
    version = added.version;
    await addParty(h.db, kul, partySchema.parse({ ...emptyParty(id, version), role: 'witness', fullName: 'Pak Amir' })).then((r) => (version = r.version));
    expect(await kept(id)).toEqual({ label: `Ani Rahayu; ${reference}-S2; Budi Santoso`, n: 3 });
    // The names a search walks: every party whose identity is disclosed, the witness too.
    expect(await names(id)).toEqual(['ani rahayu', 'budi santoso', 'pak amir']);

    // Renamed, then their identity closed: the name goes, the pseudonym comes.
    const file = (await getCase(h.db, kul, id))!;
    const budi = file.parties.find((p) => p.pseudonym === added.pseudonym)!;
    const edit = (extra: object) => updatePartySchema.parse({ ...emptyParty(id, version), partyId: budi.id, role: 'subject', fullName: 'Budi Santosa', ...extra });
    version = (await updateParty(h.db, kul, edit({}))).version;
    expect((await kept(id))!.label).toBe(`Ani Rahayu; ${reference}-S2; Budi Santosa`);
    version = (await updateParty(h.db, kul, edit({ isIdentityUndisclosed: true }))).version;
    expect((await kept(id))!.label).toBe(`Ani Rahayu; ${reference}-S2; ${reference}-S3`);
    expect(await names(id)).toEqual(['ani rahayu', 'pak amir']);

    // Opened again, by whatever writes persons (here, straight to the table): the name is back.
    const hidden = file.parties.find((p) => p.pseudonym === `${reference}-S2`)!;
    const { identity } = await revealIdentity(h.db, kul, hidden.id);
    expect(identity.fullName).toBe('Hidden Crew');
    const [party] = await h.db.select({ personId: caseParties.personId }).from(caseParties).where(eq(caseParties.id, hidden.id));
    await h.db.update(persons).set({ isIdentityUndisclosed: false }).where(eq(persons.id, party!.personId));
    expect((await kept(id))!.label).toBe(`Ani Rahayu; Hidden Crew; ${reference}-S3`);

    // No longer a subject, then removed: counted out.
    await h.db.update(caseParties).set({ role: 'witness' }).where(eq(caseParties.id, hidden.id));
    expect(await kept(id)).toEqual({ label: `Ani Rahayu; ${reference}-S3`, n: 2 });
    await h.db.delete(caseParties).where(eq(caseParties.caseId, id));
    expect(await kept(id)).toEqual({ label: null, n: 0 });
    expect(await names(id)).toBeUndefined();
    expect(await drifted()).toEqual([]);
  });
});
