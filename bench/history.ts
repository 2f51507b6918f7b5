import type { Faker } from '@faker-js/faker';
import { DAY, type DemoCase, type DemoContext, isoDate } from '@/db/demo/generate';
import type { CaseBatch } from '@/db/queries/case-batch';
import type { ageClaims, claimPayments, consularVisits, financialClaims, transfers } from '@/db/schema';
import type { AgeClaimStatus, Category, FinancialClaimKind } from '@/lib/domain/cases';

/**
 * What the benchmark's data has beyond the demo generator's cases: the rest of a case's life
 * that the screens and summaries read — closures approved by a supervisor, transfers between
 * missions, consular visits to detainees, lawyers, age claims, money claimed and recovered.
 * Proportions are judgement from the ministry's published figures, not measurements.
 */
export interface History {
  transfers: (typeof transfers.$inferInsert)[];
  visits: (typeof consularVisits.$inferInsert)[];
  ageClaims: (typeof ageClaims.$inferInsert)[];
  claims: (typeof financialClaims.$inferInsert)[];
  payments: (typeof claimPayments.$inferInsert)[];
}

export const emptyHistory = (): History => ({ transfers: [], visits: [], ageClaims: [], claims: [], payments: [] });

/** Share of a category's cases with money claimed, and what kind. */
const MONEY: Partial<Record<Category, { share: number; kind: FinancialClaimKind }>> = {
  labour: { share: 0.35, kind: 'unpaid_wages' },
  fishing_crew: { share: 0.4, kind: 'unpaid_wages' },
  trafficking: { share: 0.25, kind: 'restitution' },
  death: { share: 0.5, kind: 'insurance' },
};
const CURRENCY: Record<string, [string, number]> = {
  MY: ['MYR', 3500], SG: ['SGD', 12000], BN: ['BND', 12000], SA: ['SAR', 4300], AE: ['AED', 4400], QA: ['QAR', 4400], KW: ['KWD', 53000], JO: ['JOD', 23000],
  HK: ['HKD', 2100], TW: ['TWD', 500], KR: ['KRW', 12], JP: ['JPY', 105], AU: ['AUD', 10500], TH: ['THB', 460], KH: ['USD', 16000], PH: ['PHP', 280], VN: ['VND', 0.65],
};
/** Categories where a subject may claim to be younger than the documents say. */
const AGE_CLAIM_CATEGORIES = new Set<Category>(['trafficking', 'labour', 'fishing_crew', 'criminal']);

export interface HistoryContext extends DemoContext {
  countryOf: Map<number, string>;
  /** who decides closures: the demo supervisor */
  supervisorId: string | null;
}

/**
 * Adds the rest of one generated case's history: may move the case (an accepted transfer
 * changes its mission and officer, as the app does), adds approvals, detentions and events to
 * the batch and the other rows to `history`.
 */
export function addHistory(faker: Faker, ctx: HistoryContext, batch: CaseBatch, history: History, c: DemoCase): void {
  const row = batch.cases.at(-1)!;
  // The generator leaves a perpetrator's party id to the database; COPY needs every row's or none.
  for (let i = batch.parties.length - 1; i >= 0 && batch.parties[i]!.caseId === c.id; i--) batch.parties[i]!.id ??= faker.string.uuid();
  const closed = c.status === 'closed';
  const end = c.closedAt?.getTime() ?? ctx.now.getTime();
  const within = (from: number, days: number) => new Date(Math.min(end, from + days * DAY));

  // A closed case's closure was requested by its officer and approved by a supervisor.
  if (closed) {
    batch.approvals.push({
      caseId: c.id, kind: 'closure', status: 'approved', outcome: row.outcome ?? 'resolved', summary: 'Kasus selesai ditangani.',
      requestedById: c.officerId, requestedAt: new Date(Math.max(c.openedMs, end - faker.number.int({ min: 1, max: 5 }) * DAY)), decidedById: ctx.supervisorId, decidedAt: c.closedAt!,
    });
  }

  // About one case in forty is handed to another mission, mostly in the same country.
  if (faker.number.float() < 0.025) {
    const from = ctx.byId.get(c.missionId)!;
    const sameCountry = ctx.missionList.filter((m) => m.id !== from.id && ctx.countryOf.get(m.id) === ctx.countryOf.get(from.id));
    const to = faker.helpers.arrayElement(sameCountry.length && faker.number.float() < 0.8 ? sameCountry : ctx.missionList.filter((m) => m.id !== from.id));
    const requestedAt = within(c.openedMs, faker.number.int({ min: 2, max: 30 }));
    const status = !closed && faker.number.float() < 0.3 ? 'requested' : faker.helpers.weightedArrayElement([{ value: 'accepted' as const, weight: 75 }, { value: 'rejected' as const, weight: 20 }, { value: 'cancelled' as const, weight: 5 }]);
    const decidedAt = status === 'requested' ? null : within(requestedAt.getTime(), faker.number.int({ min: 1, max: 6 }));
    const receiving = ctx.officers.get(to.id) ?? [];
    history.transfers.push({ caseId: c.id, fromMissionId: from.id, toMissionId: to.id, status, reason: 'Subjek pindah ke wilayah akreditasi perwakilan lain.', requestedById: c.officerId, requestedAt, decidedById: decidedAt ? (receiving[0] ?? null) : null, decidedAt });
    batch.events.push({ caseId: c.id, actorId: c.officerId, kind: 'transfer_requested', at: requestedAt, data: { mission: to.code } });
    if (status === 'accepted' || status === 'rejected') batch.events.push({ caseId: c.id, actorId: receiving[0] ?? null, kind: `transfer_${status}`, at: decidedAt!, data: { mission: to.code } });
    if (status === 'accepted') {
      // The moved case keeps its reference but takes the receiving mission's next number, as
      // (mission, year, seq) is unique: the app's decideTransfer keeps the old number and so
      // fails when the receiving mission already has it (reported; see bench/RESULTS.md).
      const key = `${to.id}:${row.year}`;
      row.seq = (ctx.counters.get(key) ?? 0) + 1;
      ctx.counters.set(key, row.seq);
      row.missionId = to.id;
      row.assignedOfficerId = receiving.length ? faker.helpers.arrayElement(receiving) : null;
    }
  }

  // Closed criminal cases had people held too; every detention is visited now and then, and most defendants get a lawyer.
  const proceeding = batch.proceedings.at(-1);
  if (proceeding?.caseId === c.id) {
    if (faker.number.float() < 0.6) {
      proceeding.lawyerName = faker.person.fullName();
      proceeding.lawyerAppointedOn = isoDate(within(c.openedMs, faker.number.int({ min: 3, max: 60 })));
      proceeding.lawyerPaidBy = faker.helpers.weightedArrayElement([{ value: 'mission' as const, weight: 60 }, { value: 'host_legal_aid' as const, weight: 20 }, { value: 'family' as const, weight: 15 }, { value: 'pro_bono' as const, weight: 5 }]);
    }
    if (closed && faker.number.float() < 0.35) {
      batch.detentions.push({ caseId: c.id, partyId: proceeding.partyId, facility: `Penjara ${ctx.byId.get(c.missionId)!.city}`, detainedSince: isoDate(new Date(c.openedMs)), releasedOn: isoDate(new Date(end)) });
    }
  }
  for (const detention of batch.detentions) {
    if (detention.caseId !== c.id || detention.id) continue;
    detention.id = faker.string.uuid();
    const visits = faker.number.int({ min: 0, max: 6 });
    let on = c.openedMs;
    for (let v = 0; v < visits; v++) {
      on += faker.number.int({ min: 14, max: 90 }) * DAY;
      if (on > end) break;
      history.visits.push({ detentionId: detention.id, caseId: c.id, visitedOn: isoDate(new Date(on)), officerId: c.officerId, findings: 'Kondisi sehat.', needs: 'Obat-obatan, kontak keluarga.' });
      batch.events.push({ caseId: c.id, actorId: c.officerId, kind: 'visit_recorded', at: new Date(on), data: null });
    }
  }

  // Some subjects say they were minors when it happened; the claim is decided or still open.
  if (AGE_CLAIM_CATEGORIES.has(c.category) && faker.number.float() < 0.02) {
    const status: AgeClaimStatus = closed
      ? faker.helpers.weightedArrayElement([{ value: 'accepted' as const, weight: 50 }, { value: 'rejected' as const, weight: 35 }, { value: 'withdrawn' as const, weight: 15 }])
      : faker.helpers.arrayElement(['claimed', 'evidence_requested', 'evidence_received', 'submitted'] as const);
    const claimedAt = within(c.openedMs, faker.number.int({ min: 1, max: 20 }));
    history.ageClaims.push({
      caseId: c.id, partyId: c.subjectPartyIds[0]!, claimedDob: isoDate(new Date(c.openedMs - faker.number.int({ min: 15, max: 17 }) * 365.25 * DAY)), relevantOn: isoDate(new Date(c.openedMs)),
      status, claimedAt, statusChangedAt: within(claimedAt.getTime(), faker.number.int({ min: 0, max: 90 })),
    });
  }

  // Money: wages, restitution, insurance claimed, and for most closed claims something recovered.
  const money = MONEY[c.category];
  if (money && faker.number.float() < money.share) {
    const [currency, rate] = CURRENCY[ctx.countryOf.get(c.missionId) ?? ''] ?? ['USD', 16000];
    const claimId = faker.string.uuid();
    const claimed = faker.number.int({ min: 20, max: 600 }) * (rate > 1000 ? 10 : rate > 100 ? 100 : rate > 1 ? 1000 : 100000);
    const claimedOn = within(c.openedMs, faker.number.int({ min: 1, max: 30 }));
    history.claims.push({ id: claimId, caseId: c.id, kind: money.kind, currency, amountClaimed: claimed.toFixed(2), claimedOn: isoDate(claimedOn), createdAt: claimedOn });
    const payments = closed && faker.number.float() < 0.6 ? faker.number.int({ min: 1, max: 2 }) : 0;
    for (let p = 0; p < payments; p++) {
      const on = within(claimedOn.getTime(), faker.number.int({ min: 10, max: 300 }));
      history.payments.push({ claimId, caseId: c.id, amount: ((claimed * faker.number.float({ min: 0.2, max: 0.6 })) / payments).toFixed(2), receivedOn: isoDate(on), rateToHome: (rate * faker.number.float({ min: 0.9, max: 1.1 })).toFixed(6), createdAt: on });
    }
  }
}
