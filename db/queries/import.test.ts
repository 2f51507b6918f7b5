import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { parsePeriod } from '@/lib/domain/periods';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { type LogRow, sheetOf } from '@/lib/testing/import-rows';
import { auditEvents, caseEvents, caseParties, caseReferenceCounters, cases, legalProceedings, missions, persons, users } from '../schema';
import { listCases } from './cases';
import { importCases } from './import';
import { computeSummary } from './summary';

const subject = (ref: string, extra: LogRow = {}): LogRow => ({
  case_ref: ref,
  mission_code: 'KUL',
  opened_on: '2015-03-10',
  category: 'labour',
  subcategory: 'unpaid_wages',
  status: 'in_progress',
  role: 'subject',
  full_name: `Subject of ${ref}`,
  sex: 'F',
  date_of_birth: '1990-05-12',
  ...extra,
});
const perpetrator = (of: LogRow, role: string, name: string, extra: LogRow = {}): LogRow => ({ ...of, role, full_name: name, sex: 'M', date_of_birth: '', nik: '', passport_no: '', nationality: 'MY', ...extra });

describe.each(testDatabaseKinds())('importing legacy case logs on %s', (kind) => {
  let h: DbHandle;
  let supervisor: Actor;
  const count = async (table: typeof cases | typeof persons | typeof caseEvents | typeof auditEvents) => (await h.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  const totals = async () => ({ cases: await count(cases), persons: await count(persons), events: await count(caseEvents) });
  const lastAudit = async () => (await h.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1))[0]!;
  const proceedingsOf = (caseId: string) =>
    h.db
      .select({ jurisdiction: legalProceedings.jurisdiction, role: legalProceedings.role, code: legalProceedings.homeFileCode, pseudonym: caseParties.pseudonym })
      .from(legalProceedings)
      .innerJoin(caseParties, eq(caseParties.id, legalProceedings.partyId))
      .where(eq(legalProceedings.caseId, caseId))
      .orderBy(asc(caseParties.pseudonym));

  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    const [u] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
    supervisor = actorOf('supervisor', { id: u!.id, email: 'supervisor@payung.test' });
  });
  afterAll(() => h?.close());

  it('reports invalid rows and writes nothing', async () => {
    const before = await totals();
    const a = subject('BAD/1');
    const result = await importCases(h.db, supervisor, sheetOf([a, perpetrator(a, 'recruiter', 'Budi', { opened_on: '2015-03-11' }), subject('BAD/2', { date_of_birth: '1990-13-01' }), subject('GOOD/1')]), { fileName: 'kul-2015.csv' });
    expect(result).toMatchObject({ written: false, cases: 0, people: 0, rows: 4, errorCount: 2, rejectedRows: [2, 3, 4] });
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'opened_on', 'caseDisagrees'],
      [4, 'date_of_birth', 'date'],
    ]);
    expect(await totals()).toEqual(before);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'case.import', actorId: supervisor.id, details: { fileName: 'kul-2015.csv', written: false, cases: 0, errors: 2, rejectedRows: 3 } });
    // Counts and the file's name only: no one's name goes into the trail.
    expect(JSON.stringify(audit.details)).not.toMatch(/Subject|Budi/);
  });

  it('checks without writing on a dry run, and says what would be imported', async () => {
    const before = { ...(await totals()), audit: await count(auditEvents) };
    const result = await importCases(h.db, supervisor, sheetOf([subject('DRY/1'), subject('DRY/2')]), { fileName: 'x.csv', dryRun: true });
    expect(result).toMatchObject({ dryRun: true, written: false, cases: 2, people: 2, errorCount: 0 });
    expect({ ...(await totals()), audit: await count(auditEvents) }).toEqual(before);
  });

  it('with skip-invalid, writes only the cases whose rows are all correct, numbered after the mission’s own', async () => {
    const [kul] = await h.db.select({ id: missions.id }).from(missions).where(eq(missions.code, 'KUL'));
    await h.db.insert(caseReferenceCounters).values({ missionId: kul!.id, year: 2015, last: 41 });
    const before = await totals();
    const t = subject('KUL/2015/017', { category: 'trafficking', subcategory: 'domestic_servitude', status: 'closed', closed_on: '2015-09-01', outcome: 'repatriated', nik: '3174015205900001', passport_no: 'c 1234567' });
    const rows = [
      t,
      perpetrator(t, 'trafficker', 'Pak Budi', { prosecution_stage: 'P-21' }),
      subject('KUL/2015/018', { opened_on: '2015-02-01', nik: '3174015205900001', date_of_birth: '1991-01-01' }),
      subject('KUL/2015/019', { sex: 'W' }),
      subject('JED/2016/001', { mission_code: 'JED', opened_on: '2016-01-02' }),
    ];
    const progress: [number, number][] = [];
    const result = await importCases(h.db, supervisor, sheetOf(rows), { fileName: 'kul.csv', skipInvalid: true, batchSize: 2, onProgress: (done, total) => progress.push([done, total]) });
    expect(result).toMatchObject({ written: true, cases: 3, people: 4, skippedExisting: 0, errorCount: 1, warningCount: 1, rejectedRows: [5] });
    expect(result.problems.map((p) => [p.row, p.column, p.code, p.severity])).toEqual([
      [4, 'nik', 'nikBirthDate', 'warning'],
      [5, 'sex', 'sex', 'error'],
    ]);
    expect(progress).toEqual([
      [2, 3],
      [3, 3],
    ]);
    expect(await totals()).toEqual({ cases: before.cases + 3, persons: before.persons + 4, events: before.events + 3 });

    const imported = await h.db
      .select({ id: cases.id, reference: cases.reference, legacySource: cases.legacySource, legacyRef: cases.legacyRef, openedAt: cases.openedAt, closedAt: cases.closedAt, resolvedAt: cases.resolvedAt, status: cases.status, outcome: cases.outcome, caseClass: cases.caseClass, createdById: cases.createdById })
      .from(cases)
      .where(sql`${cases.legacyRef} IS NOT NULL`)
      .orderBy(asc(cases.reference));
    // In order of opening within the mission's year, after its 41 cases of 2015; Jeddah's 2016 starts at 1.
    expect(imported.map((c) => [c.reference, c.legacySource, c.legacyRef])).toEqual([
      ['JED-2016-00001', 'JED', 'JED/2016/001'],
      ['KUL-2015-00042', 'KUL', 'KUL/2015/018'],
      ['KUL-2015-00043', 'KUL', 'KUL/2015/017'],
    ]);
    const closed = imported.find((c) => c.legacyRef === 'KUL/2015/017')!;
    // Noon at the mission (UTC+8) on the dates of the log.
    expect(closed).toMatchObject({ openedAt: new Date('2015-03-10T04:00:00Z'), closedAt: new Date('2015-09-01T04:00:00Z'), resolvedAt: new Date('2015-09-01T04:00:00Z'), status: 'closed', outcome: 'repatriated', caseClass: 'special', createdById: supervisor.id });
    expect(imported.find((c) => c.legacySource === 'JED')!.openedAt).toEqual(new Date('2016-01-02T09:00:00Z'));

    const people = await h.db
      .select({ pseudonym: caseParties.pseudonym, role: caseParties.role, kind: caseParties.perpetratorKind, name: persons.fullName, nik: persons.nik, passport: persons.passportNumber, nationality: persons.nationality, undisclosed: persons.isIdentityUndisclosed })
      .from(caseParties)
      .innerJoin(persons, eq(persons.id, caseParties.personId))
      .where(eq(caseParties.caseId, closed.id))
      .orderBy(asc(caseParties.pseudonym));
    expect(people).toEqual([
      { pseudonym: 'KUL-2015-00043-P1', role: 'perpetrator', kind: 'trafficker', name: 'Pak Budi', nik: null, passport: null, nationality: 'MY', undisclosed: false },
      { pseudonym: 'KUL-2015-00043-S1', role: 'subject', kind: null, name: 'Subject of KUL/2015/017', nik: '3174015205900001', passport: 'C1234567', nationality: 'ID', undisclosed: true },
    ]);
    // The trafficker's row carries the stage: his own proceeding, as suspect.
    expect(await proceedingsOf(closed.id)).toEqual([{ jurisdiction: 'home', role: 'suspect', code: 'P-21', pseudonym: 'KUL-2015-00043-P1' }]);
    const [event] = await h.db.select({ kind: caseEvents.kind, data: caseEvents.data, actorId: caseEvents.actorId }).from(caseEvents).where(eq(caseEvents.caseId, closed.id));
    expect(event).toEqual({ kind: 'imported', actorId: supervisor.id, data: { reference: 'KUL-2015-00043', source: 'KUL', legacyRef: 'KUL/2015/017', subjects: 1, perpetrators: 1 } });
    const [counter] = await h.db.select({ last: caseReferenceCounters.last }).from(caseReferenceCounters).where(and(eq(caseReferenceCounters.missionId, kul!.id), eq(caseReferenceCounters.year, 2015)));
    expect(counter!.last).toBe(43);
    expect((await lastAudit()).details).toMatchObject({ fileName: 'kul.csv', written: true, cases: 3, people: 4, skippedExisting: 0, rejectedRows: 1, errors: 1, warnings: 1, skipInvalid: true });

    // Found again by the number it had in the old log.
    expect((await listCases(h.db, supervisor, { q: 'KUL/2015/017' })).items.map((c) => c.reference)).toEqual(['KUL-2015-00043']);

    // Running the same file again changes nothing: every valid case is already there.
    const again = await importCases(h.db, supervisor, sheetOf(rows), { fileName: 'kul.csv', skipInvalid: true });
    expect(again).toMatchObject({ written: true, cases: 0, people: 0, skippedExisting: 3, rejectedRows: [5] });
    expect(await totals()).toEqual({ cases: before.cases + 3, persons: before.persons + 4, events: before.events + 3 });
    // The same case_ref at another mission is another case.
    const elsewhere = await importCases(h.db, supervisor, sheetOf([{ ...rows[2]!, mission_code: 'PEN' }]), { fileName: 'pen.csv' });
    expect(elsewhere).toMatchObject({ cases: 1, skippedExisting: 0 });
  });

  it('adds up in the trafficking table exactly: cases, adult and child victims, perpetrators, files at P-21 or later', async () => {
    // Accused of one case at different stages: a case counts once when any of its proceedings reached P-21.
    const t5 = subject('TIP/5', { category: 'trafficking', subcategory: 'sexual_exploitation', opened_on: '2015-10-12' });
    const t6 = subject('TIP/6', { category: 'trafficking', subcategory: 'forced_labour', opened_on: '2015-10-13', prosecution_stage: 'P-16' });
    const t1 = subject('TIP/1', { category: 'trafficking', subcategory: 'forced_labour', opened_on: '2015-10-05', date_of_birth: '1990-01-01' });
    const t2 = subject('TIP/2', { category: 'trafficking', subcategory: '', opened_on: '2015-10-20', status: 'closed', closed_on: '2015-12-01', outcome: 'repatriated', date_of_birth: '2000-01-01' });
    const t3 = subject('TIP/3', { mission_code: 'JED', category: 'trafficking', subcategory: 'online_scam', opened_on: '2015-10-31', date_of_birth: '' });
    const rows = [
      t1,
      // A child: 17 on the opening day; and one who turned 18 that very day, an adult.
      { ...t1, full_name: 'Child of TIP/1', date_of_birth: '1998-10-06' },
      { ...t1, full_name: 'Adult of TIP/1', date_of_birth: '1997-10-05', prosecution_stage: 'P-21' },
      perpetrator(t1, 'recruiter', 'Recruiter 1'),
      perpetrator(t1, 'trafficker', 'Trafficker 1'),
      t2,
      perpetrator(t2, 'perpetrator', 'Perpetrator 2', { prosecution_stage: 'P-18' }),
      t3,
      perpetrator(t3, 'agent', 'Agent 3', { prosecution_stage: 'P-48' }),
      // Opened in November at Kuala Lumpur; and a labour case in October: neither in the table.
      subject('TIP/4', { category: 'trafficking', subcategory: '', opened_on: '2015-11-01' }),
      subject('LAB/1', { opened_on: '2015-10-10' }),
      // both accused past P-21: one case, not two
      t5,
      perpetrator(t5, 'recruiter', 'Recruiter 5', { prosecution_stage: 'P-21' }),
      perpetrator(t5, 'trafficker', 'Trafficker 5', { prosecution_stage: 'P-22' }),
      // the first accused still at P-18, the second sent to court; the victim's own at P-16
      t6,
      perpetrator(t6, 'agent', 'Agent 6', { prosecution_stage: 'P-18' }),
      perpetrator(t6, 'employer', 'Employer 6', { prosecution_stage: 'P-31' }),
    ];
    const result = await importCases(h.db, supervisor, sheetOf(rows), { fileName: 'tip.xlsx' });
    expect(result).toMatchObject({ written: true, cases: 7, people: 17, errorCount: 0 });
    const summary = await computeSummary(h.db, supervisor, parsePeriod('2015-10')!, { kind: 'all' });
    expect(summary.trafficking).toEqual([{ period: '2015-10', cases: 5, victims_adult: 5, victims_child: 2, perpetrators: 8, files_p21: 4 }]);

    const [six] = await h.db.select({ id: cases.id, reference: cases.reference }).from(cases).where(eq(cases.legacyRef, 'TIP/6'));
    expect(await proceedingsOf(six!.id)).toEqual([
      { jurisdiction: 'home', role: 'suspect', code: 'P-18/P-19', pseudonym: `${six!.reference}-P1` },
      { jurisdiction: 'home', role: 'suspect', code: 'P-31', pseudonym: `${six!.reference}-P2` },
      { jurisdiction: 'home', role: 'victim', code: 'P-16', pseudonym: `${six!.reference}-S1` },
    ]);
  });

  it('refuses a region-limited supervisor the missions outside the region, and officers altogether', async () => {
    const before = await totals();
    const regional = actorOf('supervisor', { id: supervisor.id, regionCountries: ['MY', 'SG', 'BN'], regionCode: 'malaysia_singapore_brunei' });
    const outside = await importCases(h.db, regional, sheetOf([subject('REG/1'), subject('REG/2', { mission_code: 'JED' })]), { fileName: 'r.csv' });
    expect(outside).toMatchObject({ written: false, cases: 0 });
    expect(outside.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, 'mission_code', 'missionOutOfRegion']]);
    expect(await totals()).toEqual(before);
    expect(await importCases(h.db, regional, sheetOf([subject('REG/1')]), { fileName: 'r.csv' })).toMatchObject({ written: true, cases: 1 });

    const officer = await officerActor(h.db, 'officer.kul@payung.test');
    await expect(importCases(h.db, officer, sheetOf([subject('OFF/1')]), { fileName: 'o.csv' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(importCases(h.db, actorOf('admin'), sheetOf([subject('OFF/1')]), { fileName: 'o.csv' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
