import { requiredChoice, z } from './zod';
import {
  type Category,
  caseOutcomes,
  categories,
  categoryCodes,
  intakeChannels,
  recruiterRelations,
  recruitmentChannels,
  riskLevels,
  consentScopes,
  referralStatuses,
  serviceTypes,
  stepStatuses,
  traffickingActs,
  traffickingMeans,
  traffickingPurposes,
} from '@/lib/domain/cases';
import { pastEventDate } from './dates';
import { isCountryCode } from './missions';
import { emptyPerpetrator, emptySubject, perpetratorSchema, subjectSchema } from './people';

/** "What happened": shared by the intake and the case file's edit section. */
export const caseDetailsFields = z.object({
  category: requiredChoice(categoryCodes as [Category, ...Category[]]),
  subcategories: z.array(z.string()).max(10),
  narrative: z.string().trim().min(1, 'validation.required').max(20_000, 'validation.tooLong'),
  eventsPlace: z.string().trim().max(200, 'validation.tooLong'),
  eventsDate: pastEventDate({ earliestYear: 1950 }),
  employerOrAgency: z.string().trim().max(200, 'validation.tooLong'),
  vesselName: z.string().trim().max(200, 'validation.tooLong'),
  vesselFlag: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === '' || isCountryCode(v), 'validation.countryCode'),
  intakeChannel: requiredChoice(intakeChannels),
  riskLevel: requiredChoice(riskLevels),
  deathPenalty: z.boolean(),
});

function subcategoriesBelong(v: { category: Category; subcategories: string[] }, ctx: z.RefinementCtx) {
  const allowed = categories[v.category] as readonly string[];
  if (v.subcategories.some((s) => !allowed.includes(s))) {
    ctx.addIssue({ code: 'custom', path: ['subcategories'], message: 'validation.subcategory' });
  }
}

export const createCaseSchema = caseDetailsFields
  .extend({
    /** a supervisor chooses the mission; an officer's own is used */
    missionCode: z.string().trim().toUpperCase(),
    draftId: z.union([z.uuid(), z.literal('')]),
    subjects: z.array(subjectSchema).min(1, 'validation.oneSubject').max(200, 'validation.tooMany'),
    perpetrators: z.array(perpetratorSchema).max(50, 'validation.tooMany'),
  })
  .superRefine(subcategoriesBelong);
export type CreateCaseInput = z.infer<typeof createCaseSchema>;
export type CreateCaseForm = z.input<typeof createCaseSchema>;

/** A new intake: every field that records a fact starts empty, to be chosen (no category, channel or risk assumed). */
export const emptyCase: CreateCaseForm = {
  missionCode: '',
  draftId: '',
  category: '',
  subcategories: [],
  narrative: '',
  eventsPlace: '',
  eventsDate: '',
  employerOrAgency: '',
  vesselName: '',
  vesselFlag: '',
  intakeChannel: '',
  riskLevel: '',
  deathPenalty: false,
  subjects: [emptySubject],
  perpetrators: [],
};
export { emptyPerpetrator, emptySubject };

export const updateCaseDetailsSchema = caseDetailsFields.extend({ id: z.uuid(), version: z.number().int().positive() }).superRefine(subcategoriesBelong);
export type UpdateCaseDetailsInput = z.infer<typeof updateCaseDetailsSchema>;

/** A draft is whatever the form holds: only its size and shape are checked until it is submitted. */
export const saveDraftSchema = z.object({
  id: z.union([z.uuid(), z.literal('')]),
  data: z.record(z.string(), z.unknown()).refine((d) => JSON.stringify(d).length < 500_000, 'validation.tooLong'),
});

export const duplicateQuerySchema = z.object({
  nik: z.string().transform((v) => v.replace(/\s+/g, '')),
  passportNumber: z.string().trim().toUpperCase(),
  fullName: z.string().trim().max(200),
  dateOfBirth: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/),
});
export type DuplicateQuery = z.infer<typeof duplicateQuerySchema>;

export const caseListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.string().optional(),
  category: z.string().optional(),
  caseClass: z.string().optional(),
  mine: z.string().optional(),
  after: z.string().optional(),
  /** every incoming transfer request, not only those waiting longest */
  incoming: z.literal('all').optional().catch(undefined),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/** The longest search text looked up; longer is refused with a message. */
export const SEARCH_MAX = 100;

/**
 * My cases' address as the page may read it, whatever was typed or pasted into it: a repeated
 * parameter counts once (the first), control characters (a NUL byte) are dropped, and a search
 * text over SEARCH_MAX is not run but answered with `errors.q`. Never throws: a bad address is a
 * message on the page, not an error page.
 */
export function readCaseListQuery(raw: Record<string, string | string[] | undefined>): { params: CaseListQuery; errors: { q?: string }; typedQ: string } {
  const first = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v)?.replace(/[\u0000-\u001f\u007f]/g, '')]),
  );
  const q = first.q?.trim();
  const tooLong = !!q && q.length > SEARCH_MAX;
  const parsed = caseListQuerySchema.safeParse({ ...first, q: tooLong ? undefined : q || undefined });
  // What was typed goes back into the field, refused or not: nothing the user wrote is lost.
  return { params: parsed.success ? parsed.data : {}, errors: tooLong ? { q: 'validation.searchTooLong' } : {}, typedQ: q ?? '' };
}

const caseRef = { id: z.uuid(), version: z.number().int().positive() };

export const changeStatusSchema = z.object({ ...caseRef, status: z.enum(['in_progress', 'waiting_external'], 'validation.required') });

export const requestClosureSchema = z.object({
  ...caseRef,
  outcome: requiredChoice(caseOutcomes),
  summary: z.string().trim().min(1, 'validation.required').max(5000, 'validation.tooLong'),
});
export type RequestClosureInput = z.infer<typeof requestClosureSchema>;

export const addNoteSchema = z.object({ caseId: z.uuid(), text: z.string().trim().min(1, 'validation.required').max(10_000, 'validation.tooLong') });

const codes = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).max(values.length);

export const assessmentSchema = z.object({
  ...caseRef,
  acts: codes(traffickingActs),
  means: codes(traffickingMeans),
  purposes: codes(traffickingPurposes),
  recruitmentChannel: z.enum(['', ...recruitmentChannels]),
  recruiterRelation: z.enum(['', ...recruiterRelations]),
});
export type AssessmentInput = z.infer<typeof assessmentSchema>;

export const acceptStepsSchema = z.object({ ...caseRef, templateIds: z.array(z.number().int().positive()).max(50) });

const isoDateOrEmpty = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'validation.dateReal');

export const addStepSchema = z.object({
  ...caseRef,
  serviceType: z.enum(serviceTypes, 'validation.required'),
  label: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  dueDate: isoDateOrEmpty,
});

export const updateStepSchema = z
  .object({
    stepId: z.uuid(),
    version: z.number().int().positive(),
    status: z.enum(stepStatuses),
    assigneeId: z.union([z.uuid(), z.literal('')]),
    dueDate: isoDateOrEmpty,
    provider: z.string().trim().max(200, 'validation.tooLong'),
    outcome: z.string().trim().max(2000, 'validation.tooLong'),
    notes: z.string().trim().max(5000, 'validation.tooLong'),
    /** a done step reopened, or a required step set aside, needs a reason */
    reason: z.string().trim().max(1000, 'validation.tooLong'),
    /** the service's own record (SERVICE_DETAILS): checked against the step's type on the server */
    details: z.record(z.string().max(40), z.string().max(300, 'validation.tooLong')).refine((d) => Object.keys(d).length <= 10, 'validation.tooMany'),
  });
export type UpdateStepInput = z.infer<typeof updateStepSchema>;

export const decideClosureSchema = z
  .object({
    approvalId: z.uuid(),
    decision: z.enum(['approve', 'reject']),
    comment: z.string().trim().max(2000, 'validation.tooLong'),
    overrideReason: z.string().trim().max(1000, 'validation.tooLong'),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'validation.commentRequired' });
  });
export type DecideClosureInput = z.infer<typeof decideClosureSchema>;

export const reopenSchema = z.object({ ...caseRef, reason: z.string().trim().min(1, 'validation.required').max(2000, 'validation.tooLong') });

export const recordConsentSchema = z.object({
  caseId: z.uuid(),
  partyId: z.uuid('validation.choose'),
  scope: requiredChoice(consentScopes),
  partnerCode: z.string().trim().max(40),
  givenOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.dateRequired'),
});

export const withdrawConsentSchema = z.object({ consentId: z.uuid() });

export const createReferralSchema = z.object({
  caseId: z.uuid(),
  partyId: z.uuid('validation.choose'),
  partnerCode: z.string().trim().min(1, 'validation.choose').max(40),
  purpose: z.string().trim().max(1000, 'validation.tooLong'),
  overrideReason: z.string().trim().max(1000, 'validation.tooLong'),
});

export const moveReferralSchema = z.object({ referralId: z.uuid(), version: z.number().int().positive(), status: z.enum(referralStatuses) });

export const requestTransferSchema = z.object({
  ...caseRef,
  toMissionCode: z.string().trim().toUpperCase().min(1, 'validation.required'),
  reason: z.string().trim().min(1, 'validation.required').max(2000, 'validation.tooLong'),
});

export const decideTransferSchema = z
  .object({ transferId: z.uuid(), decision: z.enum(['accept', 'reject']), comment: z.string().trim().max(2000, 'validation.tooLong') })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'validation.commentRequired' });
  });
