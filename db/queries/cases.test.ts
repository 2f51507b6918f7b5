import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { auditEvents, caseEvents } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { type CreateCaseForm, createCaseSchema, emptyCase, emptySubject, updateCaseDetailsSchema } from '@/lib/validation/cases';
import { fromIsoDate } from '@/lib/validation/dates';
import { listCaseEvents } from './case-timeline';
import { caseListQuery, createCase, formatReference, getCase, isCommonName, listCases, updateCaseDetails, yearIn } from './cases';
import { findPossibleDuplicates, revealIdentity } from './people';
import { intakeFacts } from '@/lib/testing/intake';

function intake(overrides: Partial<CreateCaseForm> = {}) {
  return createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'Worked 14 months without pay.', ...overrides });
}

const subject = (fullName: string, extra: Partial<typeof emptySubject> = {}) => ({ ...emptySubject, fullName, ...extra });

describe('reference numbers', () => {
  it('are MISSION-YYYY-NNNNN, numbered in the year of the mission’s time zone', () => {
    expect(formatReference('KUL', 2026, 42)).toBe('KUL-2026-00042');
    const newYearInJakarta = new Date('2026-12-31T17:30:00Z');
    expect(yearIn('Asia/Jakarta', newYearInJakarta)).toBe(2027);
    expect(yearIn('Asia/Riyadh', newYearInJakarta)).toBe(2026);
  });
});

describe.each(testDatabaseKinds())('cases on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  let jed: Actor;
  const supervisor = actorOf('supervisor');
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
    jed = await officerActor(h.db, 'officer.jed@payung.test');
  });
  afterAll(() => h?.close());

  it('numbers concurrent creations gap-free and without duplicates, and gives back a rolled-back number', async () => {
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => h.db.transaction((tx) => createCase(tx, kul, intake({ subjects: [subject(`Worker ${i}`)] })))));
    const seqs = created.map((c) => Number(c.reference.split('-')[2])).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(created[0]!.reference).toMatch(/^KUL-\d{4}-\d{5}$/);

    await expect(
      h.db.transaction(async (tx) => {
        await createCase(tx, kul, intake({ subjects: [subject('Rolled Back')] }));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const next = await h.db.transaction((tx) => createCase(tx, kul, intake({ subjects: [subject('After')] })));
    expect(next.reference.endsWith('-00009')).toBe(true);
    const other = await h.db.transaction((tx) => createCase(tx, jed, intake({ subjects: [subject('Jeddah One')] })));
    expect(other.reference).toMatch(/^JED-\d{4}-00001$/);
  });

  it('registers a trafficking case with two subjects, one a child, and a perpetrator; special class; child needs no means', async () => {
    const thisYear = new Date().getUTCFullYear();
    const { id, reference } = await h.db.transaction((tx) =>
      createCase(
        tx,
        kul,
        intake({
          category: 'trafficking',
          subcategories: ['domestic_servitude'],
          riskLevel: 'high',
          subjects: [
            subject('Sri Wahyuni', { nik: '3201014708950001', dateOfBirth: fromIsoDate('1995-08-07'), isIdentityUndisclosed: true }),
            subject('Ani', { dateOfBirth: fromIsoDate(`${thisYear - 15}-01-01`) }),
          ],
          perpetrators: [{ fullName: 'Tan Ah Kow', perpetratorKind: 'recruiter', nationality: 'MY', organisation: 'PT Maju', isArrested: false }],
        }),
      ),
    );
    const file = (await getCase(h.db, kul, id))!;
    expect(file).toMatchObject({ reference, caseClass: 'special', status: 'new', category: 'trafficking' });
    const [victim, child, recruiter] = file.parties;
    expect(victim).toMatchObject({ role: 'subject', pseudonym: `${reference}-S1`, fullName: null, nik: null, dateOfBirth: null, isIdentityUndisclosed: true });
    expect(child).toMatchObject({ pseudonym: `${reference}-S2`, fullName: 'Ani', isChild: true });
    expect(recruiter).toMatchObject({ role: 'perpetrator', pseudonym: `${reference}-P1`, perpetratorKind: 'recruiter', organisation: 'PT Maju' });
    expect(file.assessment).toMatchObject({ acts: [], elementsMet: false });

    // An undisclosed identity is not found by its name (nor a part of it), only by pseudonym or reference.
    expect((await listCases(h.db, kul, { q: 'Sri Wahyuni' })).items).toEqual([]);
    expect((await listCases(h.db, supervisor, { q: 'wahyu' })).items).toEqual([]);
    expect((await listCases(h.db, kul, { q: 'Ani' })).items.map((c) => c.reference)).toContain(reference);
    const list = await listCases(h.db, kul, { q: `${reference}-S1` });
    expect(list.items.map((c) => c.reference)).toEqual([reference]);
    expect(list.items[0]!.subjectLabel).toBe(`${reference}-S1`);
    expect(JSON.stringify(list)).not.toContain('Sri Wahyuni');
  });

  it('records a search that finds an undisclosed person by NIK or passport on the case and in the audit, without the number', async () => {
    const { id, reference } = await h.db.transaction((tx) =>
      createCase(tx, jed, intake({ category: 'trafficking', subjects: [subject('Dewi Rahasia', { nik: '3201014708950777', passportNumber: 'C7654321', isIdentityUndisclosed: true })] })),
    );
    const matchesOnCase = async () => (await listCaseEvents(h.db, id)).filter((e) => e.kind === 'identity_matched');
    const audited = async () => h.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.identity_matched_by_search'), eq(auditEvents.entityId, id)));
    expect((await listCases(h.db, jed, { q: '3201014708950777' })).items.map((c) => c.reference)).toEqual([reference]);
    expect((await listCases(h.db, supervisor, { q: 'c7654321' })).items.map((c) => c.reference)).toEqual([reference]);
    // Out of scope: no match, nothing recorded.
    expect((await listCases(h.db, kul, { q: '3201014708950777' })).items).toEqual([]);
    const events = await matchesOnCase();
    expect(events.map((e) => e.data)).toEqual([
      { pseudonym: `${reference}-S1`, field: 'passport' },
      { pseudonym: `${reference}-S1`, field: 'nik' },
    ]);
    const rows = await audited();
    expect(rows.map((r) => [r.actorId, r.details])).toEqual([
      [jed.id, { pseudonym: `${reference}-S1`, field: 'nik' }],
      [supervisor.id, { pseudonym: `${reference}-S1`, field: 'passport' }],
    ]);
    expect(JSON.stringify([events, rows])).not.toMatch(/3201014708950777|C7654321|Dewi/i);
    // A disclosed person's number is an ordinary search: nothing to record.
    const open = await h.db.transaction((tx) => createCase(tx, jed, intake({ subjects: [subject('Budi Terbuka', { nik: '3201014708950778' })] })));
    await listCases(h.db, jed, { q: '3201014708950778' });
    expect((await listCaseEvents(h.db, open.id)).filter((e) => e.kind === 'identity_matched')).toEqual([]);
  });

  it('finds a name that many people share by walking the cases newest first, with the same answer as looking its people up', async () => {
    for (const n of [1, 2, 3, 4, 5]) {
      await h.db.transaction((tx) => createCase(tx, jed, intake({ subjects: [subject(`Ade Commonname ${n}`), subject(`Rina Commonname ${n}`)] })));
    }
    // An undisclosed identity is found by neither way (its name is not among those kept on the case).
    await h.db.transaction((tx) => createCase(tx, jed, intake({ subjects: [subject('Hidden Commonname', { isIdentityUndisclosed: true })] })));
    expect(await isCommonName(h.db, 'commonname', 9)).toBe(true);
    expect(await isCommonName(h.db, 'commonname', 10)).toBe(false);
    expect(await isCommonName(h.db, 'ade commonname', 5)).toBe(false);
    const pages = async (actor: Actor, q: string, commonName: boolean) => {
      const out: string[] = [];
      let after: string | undefined;
      for (;;) {
        const rows = await caseListQuery(h.db, actor, { q, limit: 2, after }, { commonName });
        out.push(...rows.slice(0, 2).map((r) => r.reference));
        if (rows.length <= 2) return out;
        after = `${rows[1]!.openedAt.toISOString()}_${rows[1]!.id}`;
      }
    };
    for (const q of ['commonname', 'Ade Commonname 3', 'JED-2026', 'KUL-2026', 'Worker']) {
      for (const actor of [kul, jed, supervisor]) {
        const byPeople = await pages(actor, q, false);
        expect(await pages(actor, q, true), `${q} walked`).toEqual(byPeople);
        if (q === 'commonname') expect(byPeople).toHaveLength(actor === kul ? 0 : 5);
      }
    }
  });

  it('reveals an undisclosed identity to the case’s own mission and to supervisors, and logs each reveal', async () => {
    const { items } = await listCases(h.db, kul, { q: '3201014708950001' });
    const file = (await getCase(h.db, kul, items[0]!.id))!;
    const victim = file.parties[0]!;
    const revealed = await revealIdentity(h.db, kul, victim.id);
    expect(revealed.identity).toMatchObject({ fullName: 'Sri Wahyuni', nik: '3201014708950001' });
    await revealIdentity(h.db, supervisor, victim.id);
    await expect(revealIdentity(h.db, jed, victim.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(revealIdentity(h.db, actorOf('supervisor', { regionCountries: ['SA'] }), victim.id)).rejects.toMatchObject({ code: 'not_found' });
    const events = await listCaseEvents(h.db, file.id);
    expect(events.filter((e) => e.kind === 'identity_revealed')).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain('Sri Wahyuni');
  });

  it('keeps a KUL officer out of every JED case, by every route', async () => {
    const { items } = await listCases(h.db, jed, {});
    const jedCase = items[0]!;
    expect(await getCase(h.db, kul, jedCase.id)).toBeNull();
    expect((await listCases(h.db, kul, { q: jedCase.reference })).items).toEqual([]);
    expect((await listCases(h.db, kul, {})).items.every((c) => c.missionCode === 'KUL')).toBe(true);
    const file = (await getCase(h.db, jed, jedCase.id))!;
    const edit = updateCaseDetailsSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'tampered', id: file.id, version: file.version });
    await expect(updateCaseDetails(h.db, kul, edit)).rejects.toMatchObject({ code: 'not_found' });
    await expect(revealIdentity(h.db, kul, file.parties[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await getCase(h.db, actorOf('admin'), jedCase.id).catch((e) => e.code)).toBe('forbidden');
  });

  it('refuses an edit made on an old version, with the saved values, and puts edits on the timeline', async () => {
    const { items } = await listCases(h.db, kul, { q: 'Worker 3' });
    const file = (await getCase(h.db, kul, items[0]!.id))!;
    const base = { ...emptyCase, ...intakeFacts, id: file.id, version: file.version, narrative: file.narrative };
    const first = await updateCaseDetails(h.db, kul, updateCaseDetailsSchema.parse({ ...base, riskLevel: 'critical', narrative: 'Now also threatened.' }));
    expect(first.version).toBe(file.version + 1);
    expect(first.changes.narrative).toEqual({ before: '[changed]', after: '[changed]' });
    await expect(updateCaseDetails(h.db, supervisor, updateCaseDetailsSchema.parse({ ...base, riskLevel: 'low' }))).rejects.toMatchObject({
      code: 'conflict',
      details: { current: { riskLevel: 'critical', narrative: 'Now also threatened.' } },
    });
    const events = await listCaseEvents(h.db, file.id);
    expect(events[0]).toMatchObject({ kind: 'updated', data: { changes: { riskLevel: { before: 'medium', after: 'critical' }, narrative: { after: 'Now also threatened.' } } } });
    await expect(h.db.update(caseEvents).set({ kind: 'forged' }).where(eq(caseEvents.caseId, file.id))).rejects.toThrow();
  });

  it('pages by keyset without repeats or gaps', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listCases(h.db, kul, { limit: 3, after });
      seen.push(...page.items.map((c) => c.reference));
      after = page.next ?? undefined;
    } while (after);
    const all = (await listCases(h.db, kul, { limit: 200 })).items.map((c) => c.reference);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(10);
  });

  it('finds likely duplicates across missions, showing only what the officer may see', async () => {
    const byNik = await findPossibleDuplicates(h.db, jed, { nik: '3201014708950001', passportNumber: '', fullName: '', dateOfBirth: '' });
    expect(byNik).toEqual([{ matchedOn: ['nik'], personId: null, displayName: null, visibleCases: [], otherMissions: ['KUL'] }]);
    const forKul = await findPossibleDuplicates(h.db, kul, { nik: '3201014708950001', passportNumber: '', fullName: '', dateOfBirth: '' });
    expect(forKul[0]).toMatchObject({ matchedOn: ['nik'], displayName: expect.stringMatching(/^KUL-\d{4}-\d{5}-S1$/), otherMissions: [] });
    expect(forKul[0]!.personId).toBeTruthy();
    const byName = await findPossibleDuplicates(h.db, supervisor, { nik: '', passportNumber: '', fullName: 'Sri Wahyuny', dateOfBirth: '1995-08-07' });
    expect(byName[0]?.matchedOn).toEqual(['name_dob']);
    expect(await findPossibleDuplicates(h.db, supervisor, { nik: '', passportNumber: '', fullName: 'Sri Wahyuny', dateOfBirth: '1990-01-01' })).toEqual([]);

    // Linking the existing person instead of creating a new one.
    const linked = await h.db.transaction((tx) => createCase(tx, kul, intake({ subjects: [{ ...emptySubject, existingPersonId: forKul[0]!.personId! }] })));
    const file = (await getCase(h.db, kul, linked.id))!;
    expect(file.parties[0]!.personId).toBe(forKul[0]!.personId);
    await expect(h.db.transaction((tx) => createCase(tx, jed, intake({ subjects: [{ ...emptySubject, existingPersonId: forKul[0]!.personId! }] })))).rejects.toMatchObject({ code: 'invalid' });
  });
});
