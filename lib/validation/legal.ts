import { requiredChoice, z } from './zod';
import { ageClaimStatuses, ageEvidenceKinds, financialClaimKinds, homeFileCodes, hostStages, isCurrencyCode, jurisdictions, lawyerPayers, legalRoles } from '@/lib/domain/cases';
import { isTimeZone } from './missions';
import { pastDate } from './dates';

const isoDate = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'validation.dateReal');
const text = (max = 500) => z.string().trim().max(max, 'validation.tooLong');

export const proceedingSchema = z.object({
  caseId: z.uuid(),
  version: z.number().int().positive(),
  partyId: z.uuid('validation.choose'),
  jurisdiction: requiredChoice(jurisdictions),
  role: requiredChoice(legalRoles),
  charge: text(),
  court: text(200),
  courtTimeZone: z.string().trim().refine(isTimeZone, 'validation.timeZone'),
  arrestedOn: isoDate,
  lawyerName: text(200),
  lawyerAppointedOn: isoDate,
  lawyerPaidBy: z.enum(['', ...lawyerPayers]),
  interpreter: text(200),
  hostStage: z.enum(['', ...hostStages]),
  homeFileCode: z.enum(['', ...homeFileCodes]),
  isDetained: z.boolean(),
  isDeathPenalty: z.boolean(),
});
export type ProceedingInput = z.infer<typeof proceedingSchema>;

/** A new proceeding's form: nothing about it assumed (who, where, in what role, at what stage) until chosen. */
export function emptyProceeding(target: { caseId: string; version: number; courtTimeZone: string }): z.input<typeof proceedingSchema> {
  return {
    ...target,
    partyId: '',
    jurisdiction: '',
    role: '',
    charge: '',
    court: '',
    arrestedOn: '',
    lawyerName: '',
    lawyerAppointedOn: '',
    lawyerPaidBy: '',
    interpreter: '',
    hostStage: '',
    homeFileCode: '',
    isDetained: false,
    isDeathPenalty: false,
  };
}

export const moveProceedingSchema = z.object({
  proceedingId: z.uuid(),
  version: z.number().int().positive(),
  hostStage: z.enum(['', ...hostStages]),
  homeFileCode: z.enum(['', ...homeFileCodes]),
  verdict: text(1000),
  sentence: text(500),
  isFinal: z.boolean(),
  isDeathPenalty: z.boolean(),
  /** a supervisor's reason for a correction against the allowed order */
  correctionReason: text(1000),
});
export type MoveProceedingInput = z.infer<typeof moveProceedingSchema>;

export const hearingSchema = z.object({
  proceedingId: z.uuid(),
  /** the local date and time at the court, as typed: "2026-12-03T09:30" */
  startsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'validation.dateTime'),
  timeZone: z.string().trim().refine(isTimeZone, 'validation.timeZone'),
  court: text(200),
  purpose: text(500),
});
export type HearingInput = z.infer<typeof hearingSchema>;

export const hearingOutcomeSchema = z.object({
  hearingId: z.uuid(),
  outcome: z.string().trim().min(1, 'validation.required').max(2000, 'validation.tooLong'),
});

export const detentionSchema = z.object({
  caseId: z.uuid(),
  partyId: z.uuid('validation.choose'),
  facility: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  detainedSince: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.dateRequired'),
  expectedRelease: isoDate,
});

export const visitSchema = z.object({
  detentionId: z.uuid(),
  visitedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.dateRequired'),
  findings: text(5000),
  needs: text(2000),
});

export const ageClaimSchema = z.object({
  caseId: z.uuid(),
  partyId: z.uuid('validation.choose'),
  // A birth date is a memorable date: typed as day, month and year, like every other birth date.
  claimedDob: pastDate({ required: true }),
  relevantOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.dateRequired'),
});

export const moveAgeClaimSchema = z.object({ claimId: z.uuid(), version: z.number().int().positive(), status: z.enum(ageClaimStatuses) });

export const ageEvidenceSchema = z.object({
  claimId: z.uuid(),
  kind: requiredChoice(ageEvidenceKinds),
  source: text(200),
  obtainedOn: isoDate,
  issueDate: isoDate,
  isVerified: z.boolean(),
  documentId: z.union([z.uuid(), z.literal('')]),
});

/** An amount as typed: digits with up to two decimals, never negative ("1250.50"; a comma is read as the decimal point). */
const amount = z
  .string()
  .trim()
  .transform((v) => v.replace(',', '.'))
  .refine((v) => /^\d{1,13}(\.\d{1,2})?$/.test(v), 'validation.amount');

export const financialClaimSchema = z.object({
  caseId: z.uuid(),
  kind: requiredChoice(financialClaimKinds),
  currency: z.string().trim().toUpperCase().refine(isCurrencyCode, 'validation.currency'),
  amountClaimed: amount,
  claimedOn: isoDate,
});

export const claimPaymentSchema = z.object({
  claimId: z.uuid(),
  amount,
  receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.dateRequired'),
  /** rupiah per unit of the claim's currency, as the payment was converted */
  rateToHome: z
    .string()
    .trim()
    .transform((v) => v.replace(',', '.'))
    .refine((v) => /^\d{1,12}(\.\d{1,6})?$/.test(v) && Number(v) > 0, 'validation.rate'),
});
