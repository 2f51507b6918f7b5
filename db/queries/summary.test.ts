import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { PDFParse } from 'pdf-parse';
import { createTranslator } from 'use-intl/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { parsePeriod } from '@/lib/domain/periods';
import id from '@/lib/i18n/messages/id.json';
import { renderSummary } from '@/lib/reports/render';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { ageClaims, approvals, caseParties, caseSteps, cases, claimPayments, consularVisits, detentions, financialClaims, legalProceedings, persons, transfers } from '../schema';
import { createCase } from './cases';
import { computeSummary } from './summary';
import { intakeFacts } from '@/lib/testing/intake';

const period = (p: string) => parsePeriod(p)!;

describe('reporting periods', () => {
  it('read months, quarters, years and ranges of years, with their units', () => {
    expect(parsePeriod('2026-10')).toEqual({ label: '2026-10', kind: 'month', start: '2026-10-01', end: '2026-11-01', units: [{ label: '2026-10', start: '2026-10-01', end: '2026-11-01' }] });
    expect(parsePeriod('2026-Q4')!.units.map((u) => u.label)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(parsePeriod('2026-q4')!.end).toBe('2027-01-01');
    expect(parsePeriod('2026')!.units).toHaveLength(12);
    expect(parsePeriod('2005..2010')!.units.map((u) => u.label)).toEqual(['2005', '2006', '2007', '2008', '2009', '2010']);
    for (const bad of ['2026-13', '2026-Q5', '2010..2005', '26-10', 'October', '']) expect(parsePeriod(bad), bad).toBeNull();
  });
});

describe.each(testDatabaseKinds())('the case summary on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  let jed: Actor;
  const supervisor = actorOf('supervisor', { timeZone: 'Asia/Jakarta' });

  /** A case at the officer's mission with subjects of the given birth dates (null: unknown), then its dates set. */
  async function makeCase(officer: Actor, category: string, dobs: (string | null)[], set: Partial<typeof cases.$inferInsert>) {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category, narrative: 'x', subjects: dobs.map((_, i) => ({ ...emptySubject, fullName: `Subject ${i + 1}` })) });
    const { id } = await h.db.transaction((tx) => createCase(tx, officer, input));
    await h.db.update(cases).set(set).where(eq(cases.id, id));
    const parties = await h.db.select({ id: caseParties.id, personId: caseParties.personId, pseudonym: caseParties.pseudonym }).from(caseParties).where(eq(caseParties.caseId, id)).orderBy(caseParties.pseudonym);
    for (const [i, p] of parties.entries()) await h.db.update(persons).set({ dateOfBirth: dobs[i] ?? null, sex: i % 2 ? 'M' : 'F' }).where(eq(persons.id, p.personId));
    return { id, parties };
  }
  async function addPerpetrator(caseId: string, n: number) {
    const [p] = await h.db.insert(persons).values({ fullName: `Perpetrator ${n}` }).returning({ id: persons.id });
    await h.db.insert(caseParties).values({ caseId, personId: p!.id, role: 'perpetrator', pseudonym: `${caseId.slice(0, 8)}-P${n}` });
  }

  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
    jed = await officerActor(h.db, 'officer.jed@payung.test');

    // A: open since September.
    const a = await makeCase(kul, 'labour', ['1990-01-01'], { openedAt: new Date('2026-09-20T02:00:00Z'), status: 'in_progress' });
    // B: trafficking in October: an adult, a child of 16, and one who turned 18 on the opening day; two perpetrators; at P-21 at home.
    const b = await makeCase(kul, 'trafficking', ['1990-01-01', '2009-10-06', '2008-10-05'], { openedAt: new Date('2026-10-05T02:00:00Z'), status: 'in_progress' });
    await addPerpetrator(b.id, 1);
    await addPerpetrator(b.id, 2);
    await h.db.insert(legalProceedings).values({ caseId: b.id, partyId: b.parties[0]!.id, jurisdiction: 'home', role: 'victim', courtTimeZone: 'Asia/Jakarta', homeFileCode: 'P-22', verdict: 'Guilty', lawyerAppointedOn: '2026-10-07' });
    // The child victim held in immigration detention since September; restitution paid on 25 October.
    await h.db.insert(detentions).values({ caseId: b.id, partyId: b.parties[1]!.id, facility: 'Depot', detainedSince: '2026-09-15' });
    const [claim] = await h.db.insert(financialClaims).values({ caseId: b.id, kind: 'restitution', currency: 'MYR', amountClaimed: '5000' }).returning({ id: financialClaims.id });
    await h.db.insert(claimPayments).values({ claimId: claim!.id, caseId: b.id, amount: '1000', receivedOn: '2026-10-25', rateToHome: '3500' });
    // C: trafficking opened at 00:30 on 1 November in Kuala Lumpur (still 31 October in UTC and Jakarta).
    await makeCase(kul, 'trafficking', ['1995-05-05'], { openedAt: new Date('2026-10-31T16:30:00Z'), status: 'new' });
    // D: trafficking at Jeddah, 23:30 on 31 October there; age unknown but accepted as a minor; the home file only at P-18/P-19.
    const d = await makeCase(jed, 'trafficking', [null], { openedAt: new Date('2026-10-31T20:30:00Z'), status: 'in_progress' });
    await h.db.insert(ageClaims).values({ caseId: d.id, partyId: d.parties[0]!.id, claimedDob: '2010-01-01', relevantOn: '2026-10-31', status: 'accepted', claimedAt: new Date('2026-10-31T20:40:00Z') });
    await h.db.insert(legalProceedings).values({ caseId: d.id, partyId: d.parties[0]!.id, jurisdiction: 'home', role: 'victim', courtTimeZone: 'Asia/Jakarta', homeFileCode: 'P-18/P-19' });
    // E: opened and repatriated in October.
    const e = await makeCase(kul, 'labour', ['1988-03-03'], {
      openedAt: new Date('2026-10-10T02:00:00Z'),
      firstContactAt: new Date('2026-10-12T02:00:00Z'),
      status: 'closed',
      closedAt: new Date('2026-10-20T02:00:00Z'),
      outcome: 'repatriated',
    });
    await h.db.insert(caseSteps).values({ caseId: e.id, position: 0, serviceType: 'repatriation', labelId: 'Pemulangan', labelEn: 'Repatriation', status: 'done', doneAt: new Date('2026-10-19T03:00:00Z'), dueDate: '2026-10-19' });
    // A visit and an overdue step on A, a closure request waiting on A; A and E share a NIK under two person records.
    await h.db.insert(consularVisits).values({ detentionId: (await h.db.insert(detentions).values({ caseId: a.id, partyId: a.parties[0]!.id, facility: 'Prison', detainedSince: '2026-11-05' }).returning({ id: detentions.id }))[0]!.id, caseId: a.id, visitedOn: '2026-10-10' });
    await h.db.insert(caseSteps).values({ caseId: a.id, position: 0, serviceType: 'shelter', labelId: 'Rumah aman', labelEn: 'Shelter', dueDate: '2026-10-20', graceDays: 7 });
    await h.db.insert(approvals).values({ caseId: a.id, kind: 'closure', summary: 'Done', requestedAt: new Date('2026-10-30T02:00:00Z') });
    for (const c of [a, e]) await h.db.update(persons).set({ nik: '3171234501900001' }).where(eq(persons.id, c.parties[0]!.personId));
    // F: open since August, contact lost in October.
    await makeCase(kul, 'labour', ['1985-03-03'], { openedAt: new Date('2026-08-01T02:00:00Z'), status: 'closed', closedAt: new Date('2026-10-15T02:00:00Z'), outcome: 'lost_contact' });
    // G: opened at KUL in October, transferred to Jeddah on 12 October, still open.
    const g = await makeCase(kul, 'labour', ['1992-02-02'], { openedAt: new Date('2026-10-02T02:00:00Z'), status: 'in_progress' });
    await h.db.insert(transfers).values({ caseId: g.id, fromMissionId: kul.missionId!, toMissionId: jed.missionId!, status: 'accepted', reason: 'Moved to Jeddah', decidedAt: new Date('2026-10-12T06:00:00Z') });
    await h.db.update(cases).set({ missionId: jed.missionId! }).where(eq(cases.id, g.id));
    // G's legal aid was given at KUL before the move, its shelter at Jeddah after; a step overdue since 1 October is Jeddah's at the end.
    await h.db.insert(caseSteps).values([
      { caseId: g.id, position: 0, serviceType: 'legal_aid', labelId: 'Bantuan hukum', labelEn: 'Legal aid', status: 'done', doneAt: new Date('2026-10-05T03:00:00Z'), dueDate: '2026-10-05' },
      { caseId: g.id, position: 1, serviceType: 'shelter', labelId: 'Rumah aman', labelEn: 'Shelter', status: 'done', doneAt: new Date('2026-10-20T03:00:00Z'), dueDate: '2026-10-20' },
      { caseId: g.id, position: 2, serviceType: 'mediation', labelId: 'Mediasi', labelEn: 'Mediation', dueDate: '2026-10-01', graceDays: 0 },
    ]);
    // H: open since September, handed to another agency in October.
    await makeCase(kul, 'labour', ['1980-01-01'], { openedAt: new Date('2026-09-01T02:00:00Z'), status: 'closed', closedAt: new Date('2026-10-25T02:00:00Z'), outcome: 'transferred' });
  });
  afterAll(() => h?.close());

  it('gives one mission’s October flow, each case on its own dates and mission', async () => {
    const s = await computeSummary(h.db, supervisor, period('2026-10'), { kind: 'mission', code: 'KUL' });
    expect(s.missions).toEqual(['KUL']);
    expect(s.flow).toMatchObject({ openAtStart: 3, new: 3, transferredIn: 0, resolved: 1, closedUnresolved: 1, transferredOut: 2, openAtEnd: 2 });
    const f = s.flow;
    expect(f.openAtStart + f.new + f.transferredIn - f.resolved - f.closedUnresolved - f.transferredOut).toBe(f.openAtEnd);
    expect(s.newBy.category).toEqual({ trafficking: 1, labour: 2 });
    expect(s.newBy.mission).toEqual({ KUL: 3 });
    expect(s.subjectsBy.age).toEqual({ child: 1, adult: 4 });
    expect(s.trafficking).toEqual([{ period: '2026-10', cases: 1, victims_adult: 2, victims_child: 1, perpetrators: 2, files_p21: 1 }]);
    // A: opened 20 September, 41 days old as November began in Kuala Lumpur; B: 27 days.
    expect(s.flow.backlog).toMatchObject({ under30: 1, from30to90: 1 });
  });

  it('gives the legal, age-claim, service, money, timeliness and data-quality figures', async () => {
    const s = await computeSummary(h.db, supervisor, period('2026-10'), { kind: 'mission', code: 'KUL' });
    expect(s.traffickingOutcomes).toEqual({ withVerdict: 1, restitutionIdr: 3_500_000 });
    // Held in October: B's child (since September); A's detention only began in November.
    expect(s.legal).toEqual({ detainees: 1, consularVisits: 1, lawyersAppointed: 1, deathPenaltyOpenAtEnd: 0 });
    expect(s.services).toEqual({ repatriation: 1, legal_aid: 1 });
    expect(s.money).toEqual({ payments: 1, recoveredIdr: 3_500_000 });
    expect(s.timeliness).toEqual({ medianDaysToFirstContact: 2, medianDaysToResolution: 10, overdueStepsAtEnd: 1, pendingApprovals: 1 });
    expect(s.dataQuality).toEqual({ subjectsWithoutBirthDate: 0, subjectsWithoutSex: 0, newCasesWithoutSubject: 0, suspectedDuplicates: 1 });
    const jeddah = await computeSummary(h.db, supervisor, period('2026-10'), { kind: 'mission', code: 'JED' });
    expect(jeddah.ageClaims).toEqual({ pending: 0, accepted: 1, rejected: 0, withdrawn: 0 });
    expect(jeddah.dataQuality.subjectsWithoutBirthDate).toBe(1);
    expect(jeddah.legal.consularVisits).toBe(0);
    // the moved case's steps: each at the mission it was at
    expect(jeddah.services).toEqual({ shelter: 1 });
    expect(jeddah.timeliness.overdueStepsAtEnd).toBe(1);
    const all = await computeSummary(h.db, supervisor, period('2026-10'), { kind: 'all' });
    expect(all.services).toEqual({ repatriation: 1, legal_aid: 1, shelter: 1 });
    expect(all.timeliness.overdueStepsAtEnd).toBe(2);
  });

  it('counts a transfer in at the receiving mission, and nothing moves within "all"', async () => {
    const jeddah = await computeSummary(h.db, supervisor, period('2026-10'), { kind: 'mission', code: 'JED' });
    expect(jeddah.flow).toMatchObject({ openAtStart: 0, new: 1, transferredIn: 1, transferredOut: 0, openAtEnd: 2 });
    const all = await computeSummary(h.db, supervisor, period('2026-10'), { kind: 'all' });
    expect(all.flow).toMatchObject({ openAtStart: 3, new: 4, transferredIn: 0, resolved: 1, closedUnresolved: 1, transferredOut: 1, openAtEnd: 4 });
    const saudi = await computeSummary(h.db, supervisor, period('2026-10'), { kind: 'country', code: 'sa' });
    expect(saudi.flow.new).toBe(1);
  });

  it('gives the trafficking table by month of a quarter, with its total', async () => {
    const s = await computeSummary(h.db, supervisor, period('2026-Q4'), { kind: 'all' });
    expect(s.trafficking).toEqual([
      { period: '2026-10', cases: 2, victims_adult: 2, victims_child: 2, perpetrators: 2, files_p21: 1 },
      { period: '2026-11', cases: 1, victims_adult: 1, victims_child: 0, perpetrators: 0, files_p21: 0 },
      { period: '2026-12', cases: 0, victims_adult: 0, victims_child: 0, perpetrators: 0, files_p21: 0 },
      { period: 'total', cases: 3, victims_adult: 3, victims_child: 2, perpetrators: 2, files_p21: 1 },
    ]);
    const years = await computeSummary(h.db, supervisor, period('2025..2026'), { kind: 'all' });
    expect(years.trafficking.map((r) => [r.period, r.cases])).toEqual([
      ['2025', 0],
      ['2026', 3],
      ['total', 3],
    ]);
  });

  it('writes the same figures into each file format, in Indonesian', async () => {
    const s = await computeSummary(h.db, supervisor, period('2026-10'), { kind: 'mission', code: 'KUL' });
    const i18n = { t: createTranslator({ locale: 'id', messages: id }) as never, number: (n: number) => new Intl.NumberFormat('id').format(n), now: '29 Nov 2026', locale: 'id' };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderSummary(s, 'xlsx', i18n)) as never);
    expect(book.getWorksheet('TPPO')!.getRow(2).values).toEqual([undefined, '2026-10', 1, 2, 1, 2, 1]);
    expect(book.getWorksheet('TPPO')!.getCell('A1').value).toBe('Periode');
    const parser = new PDFParse({ data: new Uint8Array(await renderSummary(s, 'pdf', i18n)) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain('Payung · Oktober 2026 · KUL · KBRI Kuala Lumpur');
    expect(text).toContain('Tindak pidana perdagangan orang (TPPO)');
    const zip = unzipSync(new Uint8Array(await renderSummary(s, 'csv', i18n)));
    expect(strFromU8(zip['payung-2026-10-KUL-trafficking.csv']!.slice(3))).toBe(
      '"Periode","Kasus","Korban dewasa","Korban anak","Pelaku","Berkas P-21 atau lanjut"\r\n"2026-10","1","2","1","2","1"\r\n',
    );
    expect(strFromU8(zip['payung-2026-10-KUL-new_by_category.csv']!.slice(3))).toContain('"Tindak pidana perdagangan orang (TPPO)","1"\r\n');
    const dictionary = strFromU8(zip['payung-2026-10-KUL-dictionary.csv']!.slice(3)).split('\r\n');
    expect(dictionary[0]).toBe('"Berkas","Tabel","Kode kolom","Kolom","Kode baris","Baris"');
    expect(dictionary).toContain('"payung-2026-10-KUL-new_by_category.csv","Kasus baru per kategori",,,"trafficking","Tindak pidana perdagangan orang (TPPO)"');
    expect(dictionary).toContain('"payung-2026-10-KUL-flow.csv","Arus kasus","figure","Angka",,');
    // For machines: the codes, and only the tables.
    const codes = unzipSync(new Uint8Array(await renderSummary(s, 'csv', i18n, undefined, true)));
    expect(Object.keys(codes)).not.toContain('payung-2026-10-KUL-dictionary.csv');
    expect(strFromU8(codes['payung-2026-10-KUL-trafficking.csv']!.slice(3))).toBe(
      '"period","cases","victims_adult","victims_child","perpetrators","files_p21"\r\n"2026-10","1","2","1","2","1"\r\n',
    );
  });

  it('keeps to the actor’s scope: an officer sees their mission, a region its countries', async () => {
    const own = await computeSummary(h.db, jed, period('2026-10'), { kind: 'all' });
    expect(own.missions).toEqual(['JED']);
    expect(own.flow.new).toBe(1);
    await expect(computeSummary(h.db, jed, period('2026-10'), { kind: 'mission', code: 'KUL' })).rejects.toMatchObject({ fieldErrors: { scope: ['validation.scopeUnknown'] } });
    const gulf = await computeSummary(h.db, { ...supervisor, regionCountries: ['SA'] }, period('2026-Q4'), { kind: 'all' });
    expect(gulf.trafficking.at(-1)).toMatchObject({ cases: 1, victims_child: 1 });
  });
});
