/**
 * The case domain's stable codes (DESIGN §3): used in imports, exports, URLs and scripts;
 * their labels are translated (messages: categories.*, statuses.* …).
 */
export const categories = {
  labour: ['unpaid_wages', 'forced_labour', 'excessive_hours', 'sexual_harassment', 'physical_abuse', 'documents_withheld', 'injury', 'contract_breach'],
  trafficking: ['sexual_exploitation', 'domestic_servitude', 'forced_labour', 'forced_marriage', 'child_labour', 'online_scam', 'organ_removal'],
  fishing_crew: ['unpaid_wages', 'abandonment', 'abuse_at_sea', 'vessel_detained'],
  smuggling: ['crew_detained', 'charged', 'convicted'],
  criminal: ['drugs', 'violence', 'fraud', 'other'],
  immigration: ['overstay', 'undocumented', 'detention', 'deportation'],
  death: ['natural', 'work_accident', 'violence', 'at_sea'],
  civil: ['divorce', 'custody', 'child_abduction', 'inheritance'],
  emergency: ['disaster', 'conflict', 'evacuation', 'hostage', 'accident'],
  other: [],
} as const satisfies Record<string, readonly string[]>;

export type Category = keyof typeof categories;
export const categoryCodes = Object.keys(categories) as Category[];
export const allSubcategories = [...new Set(Object.values(categories).flat())] as string[];

export const caseStatuses = ['new', 'in_progress', 'waiting_external', 'resolution_requested', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const intakeChannels = ['walk_in', 'hotline', 'online_portal', 'host_authority', 'family_report', 'partner_referral', 'media'] as const;
export type IntakeChannel = (typeof intakeChannels)[number];

export const riskLevels = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof riskLevels)[number];

export const caseClasses = ['general', 'special'] as const;
export type CaseClass = (typeof caseClasses)[number];

export const sexes = ['F', 'M', 'X'] as const;
export const dobBases = ['document', 'declared', 'estimated'] as const;

export const partyRoles = ['subject', 'perpetrator', 'witness', 'family_contact'] as const;
export type PartyRole = (typeof partyRoles)[number];
export const perpetratorKinds = ['recruiter', 'agent', 'employer', 'smuggler', 'trafficker', 'other'] as const;

/** Letters of the party roles in pseudonyms: KUL-2026-00042-S1 is the case's first subject. */
export const PSEUDONYM_LETTER: Record<PartyRole, string> = { subject: 'S', perpetrator: 'P', witness: 'W', family_contact: 'F' };

/**
 * Trafficking, death-penalty, emergency and hostage cases are `special`: only a directorate
 * supervisor approves their decisions.
 */
export function classOf(category: Category, opts: { subcategories?: readonly string[]; deathPenalty?: boolean } = {}): CaseClass {
  if (category === 'trafficking' || category === 'emergency') return 'special';
  if (opts.deathPenalty) return 'special';
  if (opts.subcategories?.includes('hostage')) return 'special';
  return 'general';
}

export const caseOutcomes = ['resolved', 'repatriated', 'reintegrated', 'transferred', 'deceased', 'lost_contact', 'declined_assistance', 'duplicate'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];
/** Outcomes that count as resolved (DESIGN §3): the closure sets resolved_at, the summary counts them as resolved. */
export const RESOLVING_OUTCOMES: readonly string[] = ['resolved', 'repatriated', 'reintegrated'];

/** Allowed status changes (DESIGN §3); closing goes through a closure request and its approval. */
export const STATUS_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['in_progress', 'waiting_external', 'resolution_requested'],
  in_progress: ['waiting_external', 'resolution_requested'],
  waiting_external: ['in_progress', 'resolution_requested'],
  resolution_requested: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

/** What an officer may set directly; `resolution_requested` only through a closure request, `closed` only through its approval. */
export const DIRECT_STATUSES: readonly CaseStatus[] = ['new', 'in_progress', 'waiting_external'];

export function canMoveTo(from: CaseStatus, to: CaseStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** Trafficking elements (DESIGN §2). */
export const traffickingActs = ['recruitment', 'transport', 'transfer', 'harbouring', 'receipt'] as const;
export const traffickingMeans = [
  'deception',
  'threat_or_force',
  'abuse_of_power_or_vulnerability',
  'debt_bondage',
  'marriage_or_relationship',
  'abduction',
  'confinement',
  'rape',
  'withholding_documents',
  'withholding_earnings',
  'restricting_movement',
] as const;
export const traffickingPurposes = [
  'sexual_exploitation',
  'domestic_servitude',
  'forced_labour',
  'forced_marriage',
  'child_labour',
  'online_scam_compound',
  'organ_removal',
] as const;
export const recruitmentChannels = ['individual_recruiter', 'licensed_agency', 'unlicensed_agency', 'online', 'family_or_friend', 'other'] as const;
export const recruiterRelations = ['stranger', 'acquaintance', 'family', 'partner', 'employer', 'other'] as const;

/**
 * Whether the elements of the offence are present: an act, a means and an exploitative
 * purpose; for a child victim the means is not required.
 */
export function traffickingElementsMet(a: { acts: readonly string[]; means: readonly string[]; purposes: readonly string[] }, hasChildVictim: boolean): boolean {
  return a.acts.length > 0 && a.purposes.length > 0 && (hasChildVictim || a.means.length > 0);
}

/** Whole years of age on a date (YYYY-MM-DD strings). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function isChildOn(dateOfBirth: string | null | undefined, on: string): boolean {
  return !!dateOfBirth && ageOn(dateOfBirth, on) < 18;
}

export const documentKinds = ['passport', 'identity_card', 'birth_certificate', 'family_card', 'contract', 'court_papers', 'medical', 'photo', 'other'] as const;

/** The catalogue of services behind steps (DESIGN §3). */
export const serviceTypes = [
  'assessment',
  'shelter',
  'health_care',
  'counselling',
  'admin_assistance',
  'legal_aid',
  'consular_visit',
  'mediation',
  'wage_recovery',
  'repatriation',
  'repatriation_remains',
  'rehabilitation',
  'reintegration',
  'empowerment',
  'restitution',
  'referral',
  'other',
] as const;
export type ServiceType = (typeof serviceTypes)[number];

export const stepStatuses = ['planned', 'in_progress', 'done', 'not_needed', 'cancelled'] as const;
export type StepStatus = (typeof stepStatuses)[number];

/** planned → in progress → done; not needed or cancelled from either open state; a done step reopens only with a reason. */
export const STEP_TRANSITIONS: Record<StepStatus, readonly StepStatus[]> = {
  planned: ['in_progress', 'done', 'not_needed', 'cancelled'],
  in_progress: ['done', 'not_needed', 'cancelled'],
  done: ['in_progress'],
  not_needed: ['planned'],
  cancelled: ['planned'],
};

export const OPEN_STEP_STATUSES: readonly StepStatus[] = ['planned', 'in_progress'];

export type DetailKind = 'text' | 'date' | 'yesno';

/** What is recorded about a service delivered (feeds the monthly summary's services and repatriations). */
export const SERVICE_DETAILS: Partial<Record<ServiceType, readonly { key: string; kind: DetailKind }[]>> = {
  shelter: [
    { key: 'place', kind: 'text' },
    { key: 'from', kind: 'date' },
    { key: 'to', kind: 'date' },
  ],
  health_care: [{ key: 'facility', kind: 'text' }],
  admin_assistance: [{ key: 'documentNumber', kind: 'text' }],
  repatriation: [
    { key: 'date', kind: 'date' },
    { key: 'route', kind: 'text' },
    { key: 'escort', kind: 'text' },
    { key: 'receivingAgency', kind: 'text' },
  ],
  repatriation_remains: [
    { key: 'date', kind: 'date' },
    { key: 'route', kind: 'text' },
    { key: 'receivingAgency', kind: 'text' },
  ],
  reintegration: [
    { key: 'homeProvince', kind: 'text' },
    { key: 'homeRegency', kind: 'text' },
    { key: 'familyReunified', kind: 'yesno' },
  ],
};

/** Only the details a service type has, each checked for its kind; unknown keys are dropped. */
export function cleanServiceDetails(serviceType: ServiceType, details: Record<string, string>): { ok: true; details: Record<string, string> } | { ok: false; key: string } {
  const out: Record<string, string> = {};
  for (const { key, kind } of SERVICE_DETAILS[serviceType] ?? []) {
    const value = (details[key] ?? '').trim();
    if (!value) continue;
    if (kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ok: false, key };
    if (kind === 'yesno' && value !== 'yes' && value !== 'no') return { ok: false, key };
    out[key] = value.slice(0, 300);
  }
  return { ok: true, details: out };
}

export const consentScopes = ['services', 'sharing', 'disclosure'] as const;
export type ConsentScope = (typeof consentScopes)[number];

export const referralStatuses = ['sent', 'accepted', 'rejected', 'completed', 'revoked'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['accepted', 'rejected', 'revoked'],
  accepted: ['completed', 'revoked'],
  rejected: [],
  completed: [],
  revoked: [],
};

export const partnerKinds = ['home_government', 'international', 'ngo', 'host'] as const;

/** The legal track (DESIGN §2). */
export const legalRoles = ['victim', 'witness', 'suspect', 'defendant'] as const;
export const jurisdictions = ['host', 'home'] as const;
/** Who pays a proceeding's lawyer. */
export const lawyerPayers = ['mission', 'host_legal_aid', 'family', 'employer', 'pro_bono', 'other'] as const;
/** Host-country stages in order; released, deported and executed end the track. */
export const hostStages = ['arrested', 'charged', 'trial', 'verdict', 'appeal', 'clemency', 'released', 'deported', 'executed'] as const;
export type HostStage = (typeof hostStages)[number];
const TERMINAL_STAGES: readonly HostStage[] = ['released', 'deported', 'executed'];
/** Home prosecution file codes in order (P-18/P-19: file incomplete, returned to police). */
export const homeFileCodes = ['P-16', 'P-18/P-19', 'P-21', 'P-22', 'P-29', 'P-31', 'P-42', 'P-48'] as const;
export type HomeFileCode = (typeof homeFileCodes)[number];

/**
 * A host-track stage moves forward only (an appeal or clemency may be skipped); any open
 * stage may end in release or deportation; execution only after a verdict. Going back is a
 * correction, which needs a supervisor and a reason.
 */
export function canMoveStage(from: HostStage | null, to: HostStage): boolean {
  if (from === null) return to === 'arrested' || to === 'charged';
  if (TERMINAL_STAGES.includes(from)) return false;
  if (to === 'released' || to === 'deported') return true;
  if (to === 'executed') return from === 'verdict' || from === 'appeal' || from === 'clemency';
  return hostStages.indexOf(to) > hostStages.indexOf(from) && !TERMINAL_STAGES.includes(to);
}

/** Home files move forward; P-18/P-19 (returned to police) may go back to P-16 once the police complete it. */
export function canMoveFileCode(from: HomeFileCode | null, to: HomeFileCode): boolean {
  if (from === null) return true;
  if (from === 'P-18/P-19' && to === 'P-16') return true;
  return homeFileCodes.indexOf(to) > homeFileCodes.indexOf(from);
}

/** Detainees not visited for this many days are flagged. */
export const VISIT_INTERVAL_DAYS = 90;

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
/** Whole calendar days from one ISO date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/**
 * A detention's visits in date order, each with the days since the one before (the first:
 * since detention), and the days since the last on `today`; over 90 is overdue.
 */
export function visitIntervals(detainedSince: string, visitedOn: string[], today: string): { gaps: number[]; daysSinceLast: number; isOverdue: boolean } {
  const sorted = [...visitedOn].sort();
  const gaps = sorted.map((d, i) => dayNumber(d) - dayNumber(i === 0 ? detainedSince : sorted[i - 1]!));
  const daysSinceLast = dayNumber(today) - dayNumber(sorted.at(-1) ?? detainedSince);
  return { gaps, daysSinceLast, isOverdue: daysSinceLast > VISIT_INTERVAL_DAYS };
}

/** Age claims (DESIGN §2): a detainee or victim who says they are a minor. */
export const ageClaimStatuses = ['claimed', 'evidence_requested', 'evidence_received', 'submitted', 'accepted', 'rejected', 'withdrawn'] as const;
export type AgeClaimStatus = (typeof ageClaimStatuses)[number];
export const AGE_CLAIM_TRANSITIONS: Record<AgeClaimStatus, readonly AgeClaimStatus[]> = {
  claimed: ['evidence_requested', 'withdrawn'],
  evidence_requested: ['evidence_received', 'withdrawn'],
  evidence_received: ['evidence_requested', 'submitted', 'withdrawn'],
  submitted: ['accepted', 'rejected', 'withdrawn'],
  accepted: [],
  rejected: [],
  withdrawn: [],
};
/** A claim still "claimed" this many days after it was made, with no evidence requested, is flagged. */
export const AGE_CLAIM_STALE_DAYS = 30;

export const ageEvidenceKinds = [
  'birth_certificate',
  'family_card',
  'identity_card',
  'midwife_letter',
  'school_record',
  'religious_record',
  'village_head_statement',
  'family_affidavit',
  'passport_or_seaman_book',
  'age_assessment_interview',
  'xray',
] as const;
export type AgeEvidenceKind = (typeof ageEvidenceKinds)[number];

/** Estimates, not records of birth; the X-ray is disputed, a passport or seaman's book weak (often falsified by recruiters). */
const ESTIMATED: readonly AgeEvidenceKind[] = ['age_assessment_interview', 'xray'];

export interface EvidenceSummary {
  documentary: number;
  estimated: number;
  verified: number;
  disputed: boolean;
  weakOnly: boolean;
  lateRegistration: boolean;
}

/** The evidence at a glance, with the benefit of the doubt left to the reader (and to the claimant). */
export function summariseEvidence(items: readonly { kind: AgeEvidenceKind; isVerified: boolean; issueDate?: string | null }[], claimedDob: string): EvidenceSummary {
  const documentary = items.filter((i) => !ESTIMATED.includes(i.kind));
  return {
    documentary: documentary.length,
    estimated: items.length - documentary.length,
    verified: items.filter((i) => i.isVerified).length,
    disputed: items.some((i) => i.kind === 'xray'),
    weakOnly: documentary.length > 0 && documentary.every((i) => i.kind === 'passport_or_seaman_book'),
    // A birth certificate issued more than a year after birth: late registration, common and not in itself doubtful.
    lateRegistration: items.some((i) => i.kind === 'birth_certificate' && !!i.issueDate && ageOn(claimedDob, i.issueDate) >= 1),
  };
}

export const financialClaimKinds = ['unpaid_wages', 'compensation', 'restitution', 'insurance'] as const;
export type FinancialClaimKind = (typeof financialClaimKinds)[number];
export const HOME_CURRENCY = 'IDR';

/** ISO 4217 codes the runtime knows (Intl's own list). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (Intl.supportedValuesOf('currency') as string[]).includes(code);
}
