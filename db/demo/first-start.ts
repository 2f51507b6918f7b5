import { Faker, base, en, id_ID } from '@faker-js/faker';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { type CaseStatus, canMoveTo } from '@/lib/domain/cases';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { fromIsoDate } from '@/lib/validation/dates';
import { emptyProceeding, proceedingSchema } from '@/lib/validation/legal';
import type { Db, Tx } from '../index';
import { type AuditEntry, appendAudit } from '../queries/audit';
import { requestClosure } from '../queries/case-progress';
import { createCase } from '../queries/cases';
import { saveDraft } from '../queries/drafts';
import { addHearing, addVisit, createProceeding } from '../queries/legal';
import { actorOfUser } from '../queries/sessions';
import { addStep, localDate } from '../queries/steps';
import { requestTransfer } from '../queries/transfers';
import { caseParties, cases, detentions, legalProceedings, missions, users } from '../schema';
import { DAY, generateDemoCases, isoDate } from './generate';

/**
 * What the first start of a demonstration shows (`npm run dev`, or `PAYUNG_DEMO=1` on an empty
 * database): eighteen months of generated cases across the missions, the demo officers'
 * missions heavy, and then the states a visitor should meet on their first screens — a step
 * overdue and one due this week, hearings in the coming weeks, detainees with consular visits,
 * a closure waiting for approval, a transfer waiting for the receiving mission, unfinished
 * drafts, a child whose identity is undisclosed. Those are written as the demo officers,
 * through the same query functions and audit rows as the app's actions.
 * Deterministic: a fixed seed, times relative to `now`.
 */
export const FIRST_START = {
  cases: 360,
  seed: 20261203,
  years: 1.5,
  missionWeights: { KUL: 30, JED: 20, PER: 20 },
  officersPerMission: 1,
} as const;

/** The demo officers whose first screens must not be empty (db/seed.ts DEMO_USERS). */
export const SHOWCASE_OFFICERS = ['officer.kul@payung.test', 'officer.jed@payung.test', 'officer.per@payung.test'] as const;

export interface FirstStartTotals {
  cases: number;
  persons: number;
  steps: number;
  events: number;
  showcase: number;
}

export async function seedDemoCases(db: Db, now = new Date()): Promise<FirstStartTotals> {
  const totals = await generateDemoCases(db, { ...FIRST_START, now });
  const showcase = await addShowcase(db, now);
  return { ...totals, showcase };
}

/** One write as the app's action of that name does it: the query and its audit row in one transaction. */
async function act<T>(db: Db, actor: Actor, action: string, run: (tx: Tx) => Promise<{ data: T; audit: Omit<AuditEntry, 'action'> }>): Promise<T> {
  return db.transaction(async (tx) => {
    const outcome = await run(tx);
    await appendAudit(tx, actor, { action, ...outcome.audit });
    return outcome.data;
  });
}

async function actorByEmail(db: Db, email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const actor = u && (await actorOfUser(db, u.id));
  if (!actor) throw new Error(`the demo account ${email} is missing: seed the demo accounts first`);
  return actor;
}

interface OpenCase {
  id: string;
  version: number;
  status: CaseStatus;
  category: string;
}

/** A mission's open cases (the officer's own first), oldest first: what the showcase acts on. */
async function openCasesOf(db: Db, missionId: number, officerId: string | null): Promise<OpenCase[]> {
  return db
    .select({ id: cases.id, version: cases.version, status: cases.status, category: cases.category })
    .from(cases)
    .where(and(eq(cases.missionId, missionId), ne(cases.status, 'closed')))
    .orderBy(sql`${cases.assignedOfficerId} IS DISTINCT FROM ${officerId}`, asc(cases.openedAt), asc(cases.id));
}

/** Takes the first case that fits out of the list, so no two showcase states land on one case. */
function take(list: OpenCase[], fits: (c: OpenCase) => boolean, what: string): OpenCase {
  const i = list.findIndex(fits);
  if (i < 0) throw new Error(`the demo data has no open case for ${what}`);
  return list.splice(i, 1)[0]!;
}

const localTime = (timeZone: string, at: Date, hour: string) => `${localDate(timeZone, at)}T${hour}`;

async function addShowcase(db: Db, now: Date): Promise<number> {
  const faker = new Faker({ locale: [id_ID, en, base], seed: FIRST_START.seed });
  let writes = 0;
  for (const email of SHOWCASE_OFFICERS) {
    const officer = await actorByEmail(db, email);
    const [mission] = await db.select({ id: missions.id, code: missions.code, timeZone: missions.timeZone, city: missions.city }).from(missions).where(eq(missions.id, officer.missionId!));
    const zone = mission!.timeZone;
    const open = await openCasesOf(db, mission!.id, officer.id);

    // A step gone past its date and one due this week, on the officer's own cases.
    const late = take(open, (c) => c.status !== 'resolution_requested', 'an overdue step');
    await act(db, officer, 'case.add_step', async (tx) => {
      const { stepId, changes } = await addStep(tx, officer, { id: late.id, version: late.version, serviceType: 'admin_assistance', label: 'Minta salinan paspor dan kontrak kerja dari agensi', dueDate: localDate(zone, new Date(now.getTime() - 12 * DAY)) }, now);
      return { data: stepId, audit: { entityType: 'case', entityId: late.id, changes } };
    });
    const soon = take(open, (c) => c.status !== 'resolution_requested', 'a step due this week');
    await act(db, officer, 'case.add_step', async (tx) => {
      const { stepId, changes } = await addStep(tx, officer, { id: soon.id, version: soon.version, serviceType: 'repatriation', label: 'Pesan tiket pemulangan', dueDate: localDate(zone, new Date(now.getTime() + 3 * DAY)) }, now);
      return { data: stepId, audit: { entityType: 'case', entityId: soon.id, changes } };
    });
    writes += 2;

    // Hearings in the coming weeks for the mission's open proceedings.
    const proceedings = await db
      .select({ id: legalProceedings.id, court: legalProceedings.court })
      .from(legalProceedings)
      .innerJoin(cases, eq(cases.id, legalProceedings.caseId))
      .where(and(eq(cases.missionId, mission!.id), ne(cases.status, 'closed')))
      .orderBy(asc(cases.openedAt), asc(legalProceedings.id));
    if (proceedings.length < 2) {
      // A mission without a case in court: a victim's case against the employer goes to trial.
      const inCourt = take(open, (c) => c.status !== 'resolution_requested', 'a proceeding');
      const [victim] = await db.select({ id: caseParties.id }).from(caseParties).where(and(eq(caseParties.caseId, inCourt.id), eq(caseParties.role, 'subject'))).orderBy(asc(caseParties.pseudonym)).limit(1);
      const input = proceedingSchema.parse({ ...emptyProceeding({ caseId: inCourt.id, version: inCourt.version, courtTimeZone: zone }), partyId: victim!.id, jurisdiction: 'host', role: 'victim', court: `Pengadilan ${mission!.city}`, interpreter: 'Penerjemah KJRI' });
      const id = await act(db, officer, 'legal.create_proceeding', async (tx) => {
        const created = await createProceeding(tx, officer, input, now);
        return { data: created.id, audit: { entityType: 'legal_proceeding', entityId: created.id, changes: created.changes, details: { caseId: inCourt.id } } };
      });
      proceedings.push({ id, court: input.court });
      writes++;
    }
    for (const [i, p] of proceedings.slice(0, 3).entries()) {
      const startsAt = localTime(zone, new Date(now.getTime() + (4 + i * 9) * DAY), i % 2 ? '13:30' : '09:00');
      await act(db, officer, 'legal.add_hearing', async (tx) => {
        const { id, caseId } = await addHearing(tx, officer, { proceedingId: p.id, startsAt, timeZone: zone, court: p.court ?? '', purpose: i === 0 ? 'Pembacaan dakwaan' : 'Pemeriksaan saksi' });
        return { data: id, audit: { entityType: 'hearing', entityId: id, details: { caseId } } };
      });
      writes++;
    }

    // Consular visits to the mission's detainees: most lately, the one held longest four months ago (or on arrest).
    const held = await db
      .select({ id: detentions.id, since: detentions.detainedSince })
      .from(detentions)
      .innerJoin(cases, eq(cases.id, detentions.caseId))
      .where(and(eq(cases.missionId, mission!.id), ne(cases.status, 'closed'), isNull(detentions.releasedOn)))
      .orderBy(asc(detentions.detainedSince), asc(detentions.id));
    for (const [i, d] of held.entries()) {
      const daysAgo = i === 0 ? 120 : 5 + i * 11;
      const visitedOn = [isoDate(new Date(now.getTime() - daysAgo * DAY)), d.since].sort().at(-1)!;
      await act(db, officer, 'legal.add_visit', async (tx) => {
        const { id, caseId } = await addVisit(tx, officer, { detentionId: d.id, visitedOn, findings: 'Kondisi sehat; meminta kiriman pakaian dari keluarga.', needs: 'Penerjemah untuk sidang berikutnya.' });
        return { data: id, audit: { entityType: 'consular_visit', entityId: id, details: { caseId } } };
      });
      writes++;
    }

    // Unfinished intakes, as the form autosaves them.
    const drafts = email === SHOWCASE_OFFICERS[0] ? 2 : 1;
    for (let n = 0; n < drafts; n++) {
      const data = { ...emptyCase, category: n ? 'immigration' : 'labour', narrative: 'Datang bersama teman; belum selesai diwawancarai.', subjects: [{ ...emptySubject, fullName: faker.person.fullName(), sex: 'F' }] };
      await act(db, officer, 'case_draft.save', async (tx) => {
        const saved = await saveDraft(tx, officer, { id: '', data });
        return { data: saved.id, audit: { entityType: 'case_draft', entityId: saved.id } };
      });
      writes++;
    }

    if (email === SHOWCASE_OFFICERS[0]) {
      // A closure waiting for the supervisor's approval.
      const done = take(open, (c) => canMoveTo(c.status, 'resolution_requested'), 'a closure request');
      await act(db, officer, 'case.request_closure', async (tx) => {
        const { changes } = await requestClosure(tx, officer, { id: done.id, version: done.version, outcome: 'resolved', summary: 'Gaji yang tertunggak telah dibayar majikan; pekerja kembali bekerja.' }, now);
        return { data: null, audit: { entityType: 'case', entityId: done.id, changes } };
      });
      writes++;
    }
    if (email === SHOWCASE_OFFICERS[1]) {
      // A worker moved from Jeddah to Riyadh: the transfer waits for the embassy.
      const moving = take(open, (c) => c.status !== 'resolution_requested', 'a transfer');
      await act(db, officer, 'case.request_transfer', async (tx) => {
        const { changes } = await requestTransfer(tx, officer, { id: moving.id, version: moving.version, toMissionCode: 'RUH', reason: 'Pekerja pindah ke Riyadh bersama majikan baru.' }, now);
        return { data: null, audit: { entityType: 'case', entityId: moving.id, changes } };
      });
      writes++;
    }
    if (email === SHOWCASE_OFFICERS[2]) {
      // Today's walk-in: a child, trafficked, whose identity stays undisclosed.
      const input = createCaseSchema.parse({
        ...emptyCase,
        category: 'trafficking',
        subcategories: ['forced_labour'],
        intakeChannel: 'host_authority',
        riskLevel: 'high',
        narrative: 'Dirujuk oleh polisi setempat setelah ditemukan bekerja di perkebunan tanpa upah.',
        eventsPlace: mission!.city,
        subjects: [{ ...emptySubject, fullName: faker.person.fullName({ sex: 'male' }), sex: 'M', dateOfBirth: fromIsoDate(isoDate(new Date(now.getTime() - (16 * 365 + 40) * DAY))), dobBasis: 'document', isIdentityUndisclosed: true }],
      });
      await act(db, officer, 'case.create', async (tx) => {
        const { id, changes } = await createCase(tx, officer, input, now);
        return { data: id, audit: { entityType: 'case', entityId: id, changes } };
      });
      writes++;
    }
  }

  // Another mission asks Kuala Lumpur to take a case over: it waits in officer.kul's My cases.
  const kul = await actorByEmail(db, SHOWCASE_OFFICERS[0]);
  const [jhb] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, 'JHB'));
  const [colleague] = await db.select({ id: users.id }).from(users).where(and(eq(users.missionId, jhb!.id), eq(users.role, 'officer'))).orderBy(asc(users.email)).limit(1);
  const sender = colleague && (await actorOfUser(db, colleague.id));
  if (!sender) throw new Error('the demo data has no officer at JHB');
  const leaving = take(await openCasesOf(db, jhb!.id, sender.id), (c) => c.status !== 'resolution_requested', 'a transfer to KUL');
  await act(db, sender, 'case.request_transfer', async (tx) => {
    const { changes } = await requestTransfer(tx, sender, { id: leaving.id, version: leaving.version, toMissionCode: kul.missionCode!, reason: 'Subjek kini tinggal di Kuala Lumpur dan ditampung di shelter KBRI.' }, now);
    return { data: null, audit: { entityType: 'case', entityId: leaving.id, changes } };
  });
  return writes + 1;
}
