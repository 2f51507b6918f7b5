import { TZDate } from '@date-fns/tz';
import { Faker, base, en, id_ID } from '@faker-js/faker';
import { and, asc, eq, sql } from 'drizzle-orm';
import { DEMO_PASSWORD, hashPassword } from '@/lib/auth/password';
import { systemActor } from '@/lib/actor';
import { type CaseStatus, type Category, type RiskLevel, caseOutcomes, categories, classOf, intakeChannels } from '@/lib/domain/cases';
import type { Db } from '../index';
import { type AuditEntry, appendAudit } from '../queries/audit';
import { type CaseBatch, emptyCaseBatch, insertCaseBatch } from '../queries/case-batch';
import { caseReferenceCounters, missions, stepTemplates, users } from '../schema';

/**
 * Realistic demo history at scale, for demos, the queues' query plans and the benchmark:
 * `npm run demo:generate -- --cases 100000`. Deterministic from its seed (the same seed on
 * the same missions gives the same cases), written in bulk, one transaction per batch.
 */
export interface GenerateOptions {
  cases: number;
  seed?: number;
  /** how many years of history, ending `now` */
  years?: number;
  now?: Date;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** case loads by mission code, over MISSION_WEIGHTS (the first start's demo favours the demo officers' missions) */
  missionWeights?: Record<string, number>;
  /** officers each mission has at most (the demo accounts included); unset: more for the heavy missions */
  officersPerMission?: number;
  /** openings spread evenly over the period instead of growing towards now */
  evenly?: boolean;
}

/** Case loads by mission: Malaysia and the Gulf carry most of them. Missions not named weigh 1. */
export const MISSION_WEIGHTS: Record<string, number> = {
  KUL: 18, JHB: 8, PEN: 5, KCH: 4, BKI: 5, TWU: 3, SIN: 5, BWN: 1,
  RUH: 9, JED: 8, AUH: 4, DXB: 5, DOH: 3, KWI: 3, AMM: 2,
  HKG: 4, TPE: 4, SEL: 2, TYO: 1, OSA: 1, CBR: 0.3, SYD: 0.5, PER: 0.5, DRW: 0.5,
  BKK: 1, PNH: 2, MNL: 1, DVO: 1, HAN: 1,
};

export const CATEGORY_WEIGHTS: Record<Category, number> = { labour: 40, immigration: 15, trafficking: 10, criminal: 8, fishing_crew: 7, death: 7, civil: 4, smuggling: 3, emergency: 2, other: 4 };
export const RISK_WEIGHTS: Record<RiskLevel, number> = { low: 30, medium: 45, high: 20, critical: 5 };
const NARRATIVES: Record<Category, string> = {
  labour: 'Pekerja melapor gaji tidak dibayar selama beberapa bulan dan paspor ditahan majikan.',
  immigration: 'WNI tanpa izin tinggal yang sah ditahan pihak imigrasi setempat.',
  trafficking: 'Dijanjikan pekerjaan di pabrik, lalu dipaksa bekerja tanpa upah dan tidak boleh keluar.',
  criminal: 'WNI ditangkap dan didakwa oleh kepolisian setempat; keluarga meminta pendampingan.',
  fishing_crew: 'ABK di kapal ikan berbendera asing melapor kekerasan dan gaji yang tidak dibayar.',
  death: 'Keluarga meminta bantuan pemulangan jenazah dan hak-hak almarhum.',
  civil: 'Sengketa perceraian dan hak asuh anak di negara setempat.',
  smuggling: 'Awak perahu ditahan dengan tuduhan penyelundupan manusia.',
  emergency: 'WNI terdampak bencana dan meminta evakuasi.',
  other: 'Permintaan bantuan kekonsuleran lainnya.',
};

export const DAY = 86_400_000;

export function pickWeighted<T extends string>(faker: Faker, weights: Record<T, number>): T {
  return faker.helpers.weightedArrayElement(Object.entries(weights).map(([value, weight]) => ({ value: value as T, weight: weight as number })));
}

/** A NIK whose embedded birth date agrees with the person's (women: day + 40). */
function nikFor(faker: Faker, dob: string, sex: 'F' | 'M'): string {
  const [y, m, d] = dob.split('-') as [string, string, string];
  const day = String(Number(d) + (sex === 'F' ? 40 : 0)).padStart(2, '0');
  return `${faker.number.int({ min: 11, max: 94 })}${faker.string.numeric(4)}${day}${m}${y.slice(2)}${faker.number.int({ min: 1, max: 9999 }).toString().padStart(4, '0')}`;
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Generated officers sign in with the demo password, so a production start refuses until they are changed. */
async function officersByMission(db: Db, missionList: { id: number; code: string }[], perMission?: number): Promise<Map<number, string[]>> {
  const existing = await db
    .select({ id: users.id, missionId: users.missionId })
    .from(users)
    .where(and(eq(users.role, 'officer'), eq(users.isActive, true)))
    .orderBy(asc(users.email));
  const byMission = new Map<number, string[]>();
  for (const u of existing) if (u.missionId != null) byMission.set(u.missionId, [...(byMission.get(u.missionId) ?? []), u.id]);
  const wanted = (code: string) => perMission ?? Math.max(2, Math.ceil((MISSION_WEIGHTS[code] ?? 1) / 3));
  const missing = missionList.filter((m) => (byMission.get(m.id)?.length ?? 0) < wanted(m.code));
  if (missing.length === 0) return byMission;
  const faker = new Faker({ locale: [id_ID, en, base], seed: 1 });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = missing.flatMap((m) => {
    const want = wanted(m.code) - (byMission.get(m.id)?.length ?? 0);
    return Array.from({ length: want }, (_, i) => ({
      email: `officer.${m.code.toLowerCase()}.${i + 1}@generated.payung.test`,
      name: faker.person.fullName(),
      role: 'officer' as const,
      missionId: m.id,
      passwordHash,
      hasDemoPassword: true,
    }));
  });
  const created = await db.insert(users).values(rows).onConflictDoNothing().returning({ id: users.id, missionId: users.missionId });
  for (const u of created) byMission.set(u.missionId!, [...(byMission.get(u.missionId!) ?? []), u.id]);
  return byMission;
}

/** What building a case needs besides the faker: the missions, their officers, the step templates, the numbering so far. */
export interface DemoContext {
  now: Date;
  missionList: { id: number; code: string; timeZone: string; city: string }[];
  byId: Map<number, { id: number; code: string; timeZone: string; city: string }>;
  missionWeights: Record<string, number>;
  officers: Map<number, string[]>;
  templatesByCategory: Map<string, (typeof stepTemplates.$inferSelect)[]>;
  /** "missionId:year" → last reference number given */
  counters: Map<string, number>;
}

/** Reads the missions, creates the generated officers where a mission has too few, and the numbering already given. */
export async function demoContext(db: Db, now: Date, opts: Pick<GenerateOptions, 'missionWeights' | 'officersPerMission'> = {}): Promise<DemoContext> {
  const missionList = await db.select({ id: missions.id, code: missions.code, timeZone: missions.timeZone, city: missions.city }).from(missions).where(eq(missions.isActive, true)).orderBy(asc(missions.code));
  if (missionList.length === 0) throw new Error('no missions: seed the database first (npm run db:seed)');
  const officers = await officersByMission(db, missionList, opts.officersPerMission);
  const templates = await db.select().from(stepTemplates).where(eq(stepTemplates.isActive, true)).orderBy(asc(stepTemplates.category), asc(stepTemplates.position));
  const templatesByCategory = new Map<string, (typeof stepTemplates.$inferSelect)[]>();
  for (const t of templates) templatesByCategory.set(t.category, [...(templatesByCategory.get(t.category) ?? []), t]);
  const counters = new Map((await db.select().from(caseReferenceCounters)).map((c) => [`${c.missionId}:${c.year}`, c.last]));
  const weights = { ...MISSION_WEIGHTS, ...opts.missionWeights };
  const missionWeights = Object.fromEntries(missionList.map((m) => [String(m.id), weights[m.code] ?? 1])) as Record<string, number>;
  return { now, missionList, byId: new Map(missionList.map((m) => [m.id, m])), missionWeights, officers, templatesByCategory, counters };
}

/** Opening times over the years, growing (more missions, more migrants) unless `evenly`: sorted, so numbers run in order. */
export function demoOpenings(faker: Faker, total: number, years: number, now: Date, evenly = false): number[] {
  const start = now.getTime() - years * 365 * DAY;
  const spread = (u: number) => (evenly ? u : Math.sqrt(u));
  return Array.from({ length: total }, () => start + spread(faker.number.float({ min: 0, max: 1 })) * (now.getTime() - start)).sort((a, b) => a - b);
}

/** What a writer adding more history to a generated case needs to know of it. */
export interface DemoCase {
  id: string;
  missionId: number;
  category: Category;
  status: CaseStatus;
  openedMs: number;
  closedAt: Date | null;
  lastActivityAt: Date;
  officerId: string | null;
  /** the subjects' party ids, S1 first */
  subjectPartyIds: string[];
}

/** One realistic case opened at `openedMs`, with its people, steps, timeline and court track, added to the batch. */
export function addDemoCase(faker: Faker, ctx: DemoContext, batch: CaseBatch, openedMs: number): DemoCase {
  const { now, byId, missionWeights, officers, counters } = ctx;
  const mission = byId.get(Number(pickWeighted(faker, missionWeights)))!;
  const openedAt = new Date(openedMs);
  const year = new TZDate(openedAt, mission.timeZone).getFullYear();
  const key = `${mission.id}:${year}`;
  const seq = (counters.get(key) ?? 0) + 1;
  counters.set(key, seq);
  const reference = `${mission.code}-${year}-${String(seq).padStart(5, '0')}`;
  const category = pickWeighted(faker, CATEGORY_WEIGHTS);
  const subs = categories[category] as readonly string[];
  const subcategories = subs.length ? [faker.helpers.arrayElement(subs)] : [];
  const ageDays = (now.getTime() - openedMs) / DAY;
  // Old cases are mostly closed; this year's mostly open.
  const closed = faker.number.float() < Math.min(0.97, 0.25 + ageDays / 400);
  const status: CaseStatus = closed
    ? 'closed'
    : faker.helpers.weightedArrayElement([
        { value: 'new' as const, weight: ageDays < 7 ? 40 : 4 },
        { value: 'in_progress' as const, weight: 60 },
        { value: 'waiting_external' as const, weight: 25 },
        { value: 'resolution_requested' as const, weight: 6 },
      ]);
  const deathPenalty = category === 'criminal' && subcategories[0] === 'drugs' && faker.number.float() < 0.15;
  const caseId = faker.string.uuid();
  const closedAt = closed ? new Date(Math.min(now.getTime() - DAY, openedMs + faker.number.int({ min: 5, max: 400 }) * DAY)) : null;
  const lastActivityAt = closedAt ?? new Date(openedMs + faker.number.float({ min: 0, max: 1 }) ** 0.5 * (now.getTime() - openedMs));
  const missionOfficers = officers.get(mission.id) ?? [];
  batch.cases.push({
    id: caseId,
    reference,
    missionId: mission.id,
    year,
    seq,
    category,
    subcategories,
    caseClass: classOf(category, { subcategories, deathPenalty }),
    status,
    riskLevel: pickWeighted(faker, RISK_WEIGHTS),
    intakeChannel: faker.helpers.arrayElement(intakeChannels),
    narrative: NARRATIVES[category],
    eventsPlace: mission.city,
    deathPenalty,
    assignedOfficerId: missionOfficers.length && faker.number.float() > 0.05 ? faker.helpers.arrayElement(missionOfficers) : null,
    openedAt,
    firstContactAt: new Date(openedMs + faker.number.int({ min: 0, max: 5 * 24 }) * 3_600_000),
    resolvedAt: closedAt,
    closedAt,
    outcome: closed ? faker.helpers.weightedArrayElement(caseOutcomes.map((o, i) => ({ value: o, weight: i < 3 ? 25 : 5 }))) : null,
    lastActivityAt,
  });

  // Subjects: one, sometimes two or three (a crew, a family); about one in ten a child.
  const subjectCount = faker.helpers.weightedArrayElement([
    { value: 1, weight: 75 },
    { value: 2, weight: 17 },
    { value: 3, weight: 8 },
  ]);
  const subjectPartyIds: string[] = [];
  for (let s = 1; s <= subjectCount; s++) {
    const sex = faker.number.float() < 0.6 ? ('F' as const) : ('M' as const);
    const child = faker.number.float() < 0.1;
    const dob = isoDate(new Date(openedMs - faker.number.int({ min: child ? 12 : 19, max: child ? 17 : 55 }) * 365.25 * DAY - faker.number.int({ min: 0, max: 360 }) * DAY));
    const personId = faker.string.uuid();
    batch.persons.push({
      id: personId,
      fullName: faker.person.fullName({ sex: sex === 'F' ? 'female' : 'male' }),
      sex,
      dateOfBirth: dob,
      dobBasis: 'document',
      nationality: 'ID',
      nik: faker.number.float() < 0.7 ? nikFor(faker, dob, sex) : null,
      passportNumber: faker.number.float() < 0.6 ? `${faker.helpers.arrayElement(['B', 'C', 'X'])}${faker.string.numeric(7)}` : null,
      homeProvince: faker.location.state(),
      isIdentityUndisclosed: category === 'trafficking' && faker.number.float() < 0.5,
      createdAt: openedAt,
    });
    const partyId = faker.string.uuid();
    subjectPartyIds.push(partyId);
    batch.parties.push({ id: partyId, caseId, personId, role: 'subject', pseudonym: `${reference}-S${s}`, createdAt: openedAt });
  }
  const hasPerpetrator = category === 'trafficking' || (category === 'labour' && faker.number.float() < 0.2);
  if (hasPerpetrator) {
    const personId = faker.string.uuid();
    batch.persons.push({ id: personId, fullName: faker.person.fullName(), nationality: faker.helpers.arrayElement(['ID', 'MY', 'SA', 'TW']), createdAt: openedAt });
    batch.parties.push({ caseId, personId, role: 'perpetrator', pseudonym: `${reference}-P1`, perpetratorKind: faker.helpers.arrayElement(['recruiter', 'agent', 'employer'] as const), createdAt: openedAt });
  }

  // Steps from the category's templates: done where the case is closed or the work is past, some left overdue.
  const caseTemplates = ctx.templatesByCategory.get(category) ?? [];
  caseTemplates.forEach((t, position) => {
    const due = new Date(openedMs + t.dueOffsetDays * DAY);
    const finished = closed || (due.getTime() < now.getTime() && faker.number.float() < 0.96);
    batch.steps.push({
      id: faker.string.uuid(),
      caseId,
      templateId: t.id,
      position,
      serviceType: t.serviceType,
      labelId: t.labelId,
      labelEn: t.labelEn,
      status: finished ? faker.helpers.weightedArrayElement([{ value: 'done' as const, weight: 8 }, { value: 'not_needed' as const, weight: 2 }]) : due.getTime() < now.getTime() ? 'in_progress' : 'planned',
      dueDate: isoDate(due),
      doneAt: finished ? new Date(Math.min(now.getTime(), due.getTime() + faker.number.int({ min: -2, max: 10 }) * DAY)) : null,
      isRequired: t.isRequired,
      graceDays: t.graceDays,
      createdAt: openedAt,
    });
  });

  // The timeline: created, taken up, a few notes, and how it ended.
  const officerId = missionOfficers[0] ?? null;
  batch.events.push({ caseId, actorId: officerId, kind: 'created', at: openedAt, data: { reference, subjects: subjectCount, perpetrators: hasPerpetrator ? 1 : 0 } });
  if (status !== 'new') batch.events.push({ caseId, actorId: officerId, kind: 'status_changed', at: new Date(openedMs + DAY), data: { changes: { status: { before: 'new', after: 'in_progress' } } } });
  const notes = faker.number.int({ min: 0, max: 5 });
  for (let n = 0; n < notes; n++) {
    batch.events.push({ caseId, actorId: officerId, kind: 'note', at: new Date(openedMs + faker.number.float({ min: 0, max: 1 }) * (lastActivityAt.getTime() - openedMs)), data: { text: 'Tindak lanjut dengan pihak terkait.' } });
  }
  if (closed) batch.events.push({ caseId, actorId: null, kind: 'closure_approved', at: closedAt!, data: null });
  if (status === 'resolution_requested') {
    batch.approvals.push({ caseId, kind: 'closure', outcome: 'resolved', summary: 'Hak-hak telah dibayarkan.', requestedById: officerId, requestedAt: lastActivityAt });
  }

  // Criminal and smuggling cases go to court; some of their people are held, some hearings are soon.
  if (category === 'criminal' || category === 'smuggling') {
    const proceedingId = faker.string.uuid();
    const partyId = subjectPartyIds[0]!;
    const detained = !closed && faker.number.float() < 0.6;
    batch.proceedings.push({ id: proceedingId, caseId, partyId, jurisdiction: 'host', role: 'defendant', courtTimeZone: mission.timeZone, court: `Mahkamah ${mission.city}`, arrestedOn: isoDate(openedAt), hostStage: closed ? 'released' : 'charged', isDetained: detained, isDeathPenalty: deathPenalty });
    if (detained) batch.detentions.push({ caseId, partyId, facility: `Penjara ${mission.city}`, detainedSince: isoDate(openedAt) });
    if (!closed) {
      batch.hearings.push({ proceedingId, caseId, startsAt: new Date(now.getTime() + faker.number.int({ min: -20, max: 60 }) * DAY + faker.number.int({ min: 1, max: 7 }) * 3_600_000), timeZone: mission.timeZone, court: `Mahkamah ${mission.city}`, purpose: 'Sidang lanjutan' });
    }
  }
  return { id: caseId, missionId: mission.id, category, status, openedMs, closedAt, lastActivityAt, officerId, subjectPartyIds };
}

/** Numbering continues after the generated cases: the app's next case in a year takes the next number. */
export async function saveDemoCounters(db: Db, counters: Map<string, number>, audit: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [key, last] of counters) {
      const [missionId, year] = key.split(':').map(Number) as [number, number];
      await tx
        .insert(caseReferenceCounters)
        .values({ missionId, year, last })
        .onConflictDoUpdate({ target: [caseReferenceCounters.missionId, caseReferenceCounters.year], set: { last: sql`greatest(${caseReferenceCounters.last}, excluded.last)` } });
    }
    await appendAudit(tx, systemActor, audit);
  });
}

export async function generateDemoCases(db: Db, opts: GenerateOptions): Promise<{ cases: number; persons: number; events: number; steps: number }> {
  const total = opts.cases;
  const seed = opts.seed ?? 20261128;
  const years = opts.years ?? 10;
  const now = opts.now ?? new Date();
  const batchSize = opts.batchSize ?? 500;
  const faker = new Faker({ locale: [id_ID, en, base], seed });
  const ctx = await demoContext(db, now, opts);
  const totals = { cases: 0, persons: 0, events: 0, steps: 0 };
  const openings = demoOpenings(faker, total, years, now, opts.evenly);

  for (let offset = 0; offset < total; offset += batchSize) {
    const batch = emptyCaseBatch();
    for (const openedMs of openings.slice(offset, offset + batchSize)) addDemoCase(faker, ctx, batch, openedMs);
    await db.transaction((tx) => insertCaseBatch(tx, batch));
    totals.cases += batch.cases.length;
    totals.persons += batch.persons.length;
    totals.events += batch.events.length;
    totals.steps += batch.steps.length;
    opts.onProgress?.(totals.cases, total);
  }
  await saveDemoCounters(db, ctx.counters, { action: 'system.generate_demo', details: { ...totals, seed, years } });
  return totals;
}
