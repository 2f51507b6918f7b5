import { type AgeClaimStatus, type CaseStatus, OPEN_STEP_STATUSES, type StepStatus, daysBetween } from './cases';

/**
 * What a case file asks of its officer now (issue 14): the short list at the top of the
 * page, each item pointing at the section where it is done. Derived from the case's own
 * records on every read — nothing stored that could drift. Most urgent first.
 */
export type CaseSectionId = 'people' | 'assessment' | 'steps' | 'details' | 'legal' | 'age-claims' | 'money' | 'referrals' | 'documents' | 'case-status';

export type AttentionItem =
  | { kind: 'stepOverdue'; section: 'steps'; label: string; days: number }
  | { kind: 'stepDue'; section: 'steps'; label: string; days: number }
  | { kind: 'stepsToPlan'; section: 'steps' }
  | { kind: 'assessmentEmpty'; section: 'assessment' }
  | { kind: 'visitOverdue'; section: 'legal'; pseudonym: string; days: number; visited: boolean }
  | { kind: 'hearingOutcome'; section: 'legal'; pseudonym: string; startsAt: Date; timeZone: string }
  | { kind: 'hearingSoon'; section: 'legal'; pseudonym: string; startsAt: Date; timeZone: string; days: number }
  | { kind: 'ageClaimOpen'; section: 'age-claims'; pseudonym: string; status: AgeClaimStatus; stale: boolean }
  | { kind: 'closureWaiting'; section: 'case-status' }
  | { kind: 'transferWaiting'; section: 'case-status'; toMissionCode: string };

export type Urgency = 'overdue' | 'due' | 'waiting';

/** Days ahead within which a step's due date or a hearing is listed. */
export const ATTENTION_HORIZON_DAYS = 7;

const DECIDED_AGE_CLAIM: readonly AgeClaimStatus[] = ['accepted', 'rejected', 'withdrawn'];

export interface AttentionInput {
  /** the mission's date today, YYYY-MM-DD */
  today: string;
  now: Date;
  status: CaseStatus;
  steps: { label: string; status: StepStatus; dueDate: string | null; graceDays: number }[];
  /** the category proposes steps and the case has none yet */
  hasStepsToPlan: boolean;
  /** a trafficking case whose assessment names no act, means or purpose yet */
  assessmentEmpty: boolean;
  /** dayOf: the hearing's date at the mission */
  hearings: { pseudonym: string; startsAt: Date; timeZone: string; outcome: string | null; dayOf: string }[];
  detentions: { pseudonym: string; daysSinceLast: number; isOverdue: boolean; visited: boolean }[];
  ageClaims: { pseudonym: string; status: AgeClaimStatus; isStale: boolean }[];
  pendingTransfer: { toMissionCode: string } | null;
}

export function urgencyOf(item: AttentionItem): Urgency {
  switch (item.kind) {
    case 'stepOverdue':
    case 'visitOverdue':
    case 'hearingOutcome':
      return 'overdue';
    case 'ageClaimOpen':
      return item.stale ? 'overdue' : 'waiting';
    case 'stepDue':
    case 'hearingSoon':
    case 'stepsToPlan':
    case 'assessmentEmpty':
      return 'due';
    default:
      return 'waiting';
  }
}

const ORDER: Record<Urgency, number> = { overdue: 0, due: 1, waiting: 2 };

export function caseAttention(input: AttentionInput): AttentionItem[] {
  if (input.status === 'closed') return [];
  const items: AttentionItem[] = [];
  for (const s of input.steps) {
    if (!s.dueDate || !OPEN_STEP_STATUSES.includes(s.status)) continue;
    const late = daysBetween(s.dueDate, input.today) - s.graceDays;
    const ahead = daysBetween(input.today, s.dueDate);
    if (late > 0) items.push({ kind: 'stepOverdue', section: 'steps', label: s.label, days: daysBetween(s.dueDate, input.today) });
    else if (ahead <= ATTENTION_HORIZON_DAYS) items.push({ kind: 'stepDue', section: 'steps', label: s.label, days: ahead });
  }
  if (input.hasStepsToPlan) items.push({ kind: 'stepsToPlan', section: 'steps' });
  if (input.assessmentEmpty) items.push({ kind: 'assessmentEmpty', section: 'assessment' });
  for (const d of input.detentions) {
    if (d.isOverdue) items.push({ kind: 'visitOverdue', section: 'legal', pseudonym: d.pseudonym, days: d.daysSinceLast, visited: d.visited });
  }
  for (const h of input.hearings) {
    if (h.startsAt <= input.now) {
      if (!h.outcome) items.push({ kind: 'hearingOutcome', section: 'legal', pseudonym: h.pseudonym, startsAt: h.startsAt, timeZone: h.timeZone });
    } else {
      const days = daysBetween(input.today, h.dayOf);
      if (days <= ATTENTION_HORIZON_DAYS) items.push({ kind: 'hearingSoon', section: 'legal', pseudonym: h.pseudonym, startsAt: h.startsAt, timeZone: h.timeZone, days });
    }
  }
  for (const c of input.ageClaims) {
    if (!DECIDED_AGE_CLAIM.includes(c.status)) items.push({ kind: 'ageClaimOpen', section: 'age-claims', pseudonym: c.pseudonym, status: c.status, stale: c.isStale });
  }
  if (input.status === 'resolution_requested') items.push({ kind: 'closureWaiting', section: 'case-status' });
  if (input.pendingTransfer) items.push({ kind: 'transferWaiting', section: 'case-status', toMissionCode: input.pendingTransfer.toMissionCode });
  // Stable: within an urgency, the order above (steps, visits, hearings, claims, approvals).
  return items.map((item, i) => ({ item, i })).sort((a, b) => ORDER[urgencyOf(a.item)] - ORDER[urgencyOf(b.item)] || a.i - b.i).map((x) => x.item);
}

/** Which sections have something in the list: they open on arrival. */
export function sectionsNeedingAttention(items: AttentionItem[]): Set<CaseSectionId> {
  return new Set(items.map((i) => i.section));
}
