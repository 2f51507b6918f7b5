'use server';

import { z } from '@/lib/validation/zod';
import { addAgeEvidence, createAgeClaim, moveAgeClaim } from '@/db/queries/age-claims';
import { decideClosure, reopenCase } from '@/db/queries/approvals';
import { addCaseNote, changeCaseStatus, requestClosure, updateAssessment } from '@/db/queries/case-progress';
import { createCase, updateCaseDetails } from '@/db/queries/cases';
import { revealFileNames } from '@/db/queries/documents';
import { discardDraft, saveDraft } from '@/db/queries/drafts';
import { addHearing, addVisit, createDetention, createProceeding, moveProceeding, recordHearingOutcome } from '@/db/queries/legal';
import { createFinancialClaim, recordPayment } from '@/db/queries/money';
import { addParty, updateParty } from '@/db/queries/parties';
import { findPossibleDuplicates, limitDuplicateChecks, revealIdentity } from '@/db/queries/people';
import { lookedUp } from '@/lib/lookup-key';
import { createReferral, moveReferral, recordConsent, withdrawConsent } from '@/db/queries/referrals';
import { acceptSteps, addStep, updateStep } from '@/db/queries/steps';
import { decideTransfer, requestTransfer } from '@/db/queries/transfers';
import { createAction } from '@/lib/action';
import {
  acceptStepsSchema,
  decideTransferSchema,
  requestTransferSchema,
  createReferralSchema,
  moveReferralSchema,
  recordConsentSchema,
  withdrawConsentSchema,
  addNoteSchema,
  addStepSchema,
  decideClosureSchema,
  reopenSchema,
  updateStepSchema,
  assessmentSchema,
  changeStatusSchema,
  createCaseSchema,
  duplicateQuerySchema,
  requestClosureSchema,
  saveDraftSchema,
  updateCaseDetailsSchema,
} from '@/lib/validation/cases';
import {
  ageClaimSchema,
  ageEvidenceSchema,
  claimPaymentSchema,
  detentionSchema,
  financialClaimSchema,
  hearingOutcomeSchema,
  hearingSchema,
  moveAgeClaimSchema,
  moveProceedingSchema,
  proceedingSchema,
  visitSchema,
} from '@/lib/validation/legal';
import { partySchema, updatePartySchema } from '@/lib/validation/people';
import { toIsoDate } from '@/lib/validation/dates';

export const createCaseAction = createAction('case.create', { permission: 'case:create', schema: createCaseSchema }, async (input, { actor, tx }) => {
  const { id, reference, changes } = await createCase(tx, actor, input);
  return { data: { id, reference }, audit: { entityType: 'case', entityId: id, changes } };
});

export const updateCaseDetailsAction = createAction(
  'case.update_details',
  { permission: 'case:update', schema: updateCaseDetailsSchema },
  async (input, { actor, tx }) => {
    const { version, changes } = await updateCaseDetails(tx, actor, input);
    return { data: { version }, audit: { entityType: 'case', entityId: input.id, changes } };
  },
);

/** Autosave of the intake. The draft's content (which names people) never goes into the audit trail. */
export const saveDraftAction = createAction('case_draft.save', { permission: 'case:create', schema: saveDraftSchema }, async (input, { actor, tx }) => {
  const saved = await saveDraft(tx, actor, input);
  return { data: { id: saved.id, savedAt: saved.updatedAt.toISOString() }, audit: { entityType: 'case_draft', entityId: saved.id } };
});

export const discardDraftAction = createAction('case_draft.discard', { permission: 'case:create', schema: z.object({ id: z.uuid() }) }, async (input, { actor, tx }) => {
  await discardDraft(tx, actor, input.id);
  return { data: null, audit: { entityType: 'case_draft', entityId: input.id } };
});

/**
 * A search across every mission's people, so limited per user (in the database, across app
 * instances) and recorded with a keyed hash of each number looked up, never the number: a
 * user cannot sweep NIKs to learn where people have cases, and "who looked up this NIK" has an answer.
 */
export const checkDuplicatesAction = createAction('person.duplicate_check', { permission: 'case:create', schema: duplicateQuerySchema }, async (input, { actor, tx }) => {
  await limitDuplicateChecks(tx, actor);
  const matches = await findPossibleDuplicates(tx, actor, input);
  return { data: matches, audit: { details: { matches: matches.length, ...lookedUp(input) } } };
});

/** The file names of a case with an undisclosed identity, shown on request and recorded on its access log. */
export const revealFileNamesAction = createAction('document.reveal_names', { permission: 'case:read', schema: z.object({ caseId: z.uuid() }) }, async (input, { actor, tx }) => {
  const names = await revealFileNames(tx, actor, input.caseId);
  // The names themselves are identity data: the audit says how many were shown.
  return { data: names, audit: { entityType: 'case', entityId: input.caseId, details: { documents: names.length } } };
});

export const revealIdentityAction = createAction('case.reveal_identity', { permission: 'case:read', schema: z.object({ partyId: z.uuid() }) }, async (input, { actor, tx }) => {
  const revealed = await revealIdentity(tx, actor, input.partyId);
  return { data: revealed.identity, audit: { entityType: 'case', entityId: revealed.caseId, details: { pseudonym: revealed.pseudonym } } };
});

export const changeStatusAction = createAction('case.change_status', { permission: 'case:update', schema: changeStatusSchema }, async (input, { actor, tx }) => {
  const { version, changes } = await changeCaseStatus(tx, actor, input);
  return { data: { version }, audit: { entityType: 'case', entityId: input.id, changes } };
});

export const requestClosureAction = createAction('case.request_closure', { permission: 'case:update', schema: requestClosureSchema }, async (input, { actor, tx }) => {
  const { version, changes } = await requestClosure(tx, actor, input);
  return { data: { version }, audit: { entityType: 'case', entityId: input.id, changes } };
});

export const addNoteAction = createAction('case.add_note', { permission: 'case:update', schema: addNoteSchema }, async (input, { actor, tx }) => {
  await addCaseNote(tx, actor, input);
  // The note's text may name people: the audit says a note was added, the timeline holds it.
  return { data: null, audit: { entityType: 'case', entityId: input.caseId } };
});

export const updateAssessmentAction = createAction('case.update_assessment', { permission: 'case:update', schema: assessmentSchema }, async (input, { actor, tx }) => {
  const { version, changes } = await updateAssessment(tx, actor, input);
  return { data: { version }, audit: { entityType: 'case', entityId: input.id, changes } };
});

export const addPartyAction = createAction('case.add_party', { permission: 'case:update', schema: partySchema }, async (input, { actor, tx }) => {
  const { partyId, pseudonym, version, changes } = await addParty(tx, actor, input);
  return { data: { partyId, pseudonym, version }, audit: { entityType: 'case', entityId: input.caseId, changes } };
});

export const updatePartyAction = createAction('case.update_party', { permission: 'case:update', schema: updatePartySchema }, async (input, { actor, tx }) => {
  const { version, changes } = await updateParty(tx, actor, input);
  return { data: { version }, audit: { entityType: 'case', entityId: input.caseId, changes } };
});

export const acceptStepsAction = createAction('case.accept_steps', { permission: 'case:update', schema: acceptStepsSchema }, async (input, { actor, tx }) => {
  const { version, changes } = await acceptSteps(tx, actor, input);
  return { data: { version }, audit: { entityType: 'case', entityId: input.id, changes } };
});

export const addStepAction = createAction('case.add_step', { permission: 'case:update', schema: addStepSchema }, async (input, { actor, tx }) => {
  const { stepId, version, changes } = await addStep(tx, actor, input);
  return { data: { stepId, version }, audit: { entityType: 'case', entityId: input.id, changes } };
});

export const updateStepAction = createAction('case.update_step', { permission: 'case:update', schema: updateStepSchema }, async (input, { actor, tx }) => {
  const { caseId, version, changes } = await updateStep(tx, actor, input);
  // Outcome, notes and the service's details may name people: the audit keeps the status and due date.
  const auditable = Object.fromEntries(Object.entries(changes).filter(([field]) => field === 'status' || field === 'dueDate'));
  return { data: { version }, audit: { entityType: 'case_step', entityId: input.stepId, changes: auditable, details: { caseId } } };
});

// Supervisors, or mission heads where configured: decideClosure checks who may decide what.
export const decideClosureAction = createAction('case.decide_closure', { permission: 'case:update', schema: decideClosureSchema }, async (input, { actor, tx }) => {
  const { caseId, changes } = await decideClosure(tx, actor, input);
  return { data: { caseId }, audit: { entityType: 'case', entityId: caseId, changes, details: { decision: input.decision, override: !!input.overrideReason } } };
});

export const reopenCaseAction = createAction('case.reopen', { permission: 'case:update', schema: reopenSchema }, async (input, { actor, tx }) => {
  const { version, changes } = await reopenCase(tx, actor, input);
  return { data: { version }, audit: { entityType: 'case', entityId: input.id, changes } };
});

export const recordConsentAction = createAction('consent.record', { permission: 'case:update', schema: recordConsentSchema }, async (input, { actor, tx }) => {
  const { id, changes } = await recordConsent(tx, actor, input);
  return { data: { id }, audit: { entityType: 'consent', entityId: id, changes, details: { caseId: input.caseId } } };
});

export const withdrawConsentAction = createAction('consent.withdraw', { permission: 'case:update', schema: withdrawConsentSchema }, async (input, { actor, tx }) => {
  const { caseId } = await withdrawConsent(tx, actor, input.consentId);
  return { data: null, audit: { entityType: 'consent', entityId: input.consentId, details: { caseId } } };
});

export const createReferralAction = createAction('referral.create', { permission: 'case:update', schema: createReferralSchema }, async (input, { actor, tx }) => {
  const { id, changes } = await createReferral(tx, actor, input);
  return { data: { id }, audit: { entityType: 'referral', entityId: id, changes, details: { caseId: input.caseId } } };
});

export const moveReferralAction = createAction('referral.move', { permission: 'case:update', schema: moveReferralSchema }, async (input, { actor, tx }) => {
  const { caseId, changes } = await moveReferral(tx, actor, input);
  return { data: null, audit: { entityType: 'referral', entityId: input.referralId, changes, details: { caseId } } };
});

export const requestTransferAction = createAction('case.request_transfer', { permission: 'case:update', schema: requestTransferSchema }, async (input, { actor, tx }) => {
  const { id, changes } = await requestTransfer(tx, actor, input);
  return { data: { id }, audit: { entityType: 'case', entityId: input.id, changes } };
});

export const decideTransferAction = createAction('case.decide_transfer', { permission: 'case:update', schema: decideTransferSchema }, async (input, { actor, tx }) => {
  const { caseId, changes } = await decideTransfer(tx, actor, input);
  return { data: { caseId }, audit: { entityType: 'case', entityId: caseId, changes, details: { decision: input.decision } } };
});

export const createProceedingAction = createAction('legal.create_proceeding', { permission: 'case:update', schema: proceedingSchema }, async (input, { actor, tx }) => {
  const { id, changes } = await createProceeding(tx, actor, input);
  return { data: { id }, audit: { entityType: 'legal_proceeding', entityId: id, changes, details: { caseId: input.caseId } } };
});

export const moveProceedingAction = createAction('legal.move_proceeding', { permission: 'case:update', schema: moveProceedingSchema }, async (input, { actor, tx }) => {
  const { caseId, version, changes } = await moveProceeding(tx, actor, input);
  const { verdict: _v, sentence: _s, ...auditable } = changes;
  return { data: { version }, audit: { entityType: 'legal_proceeding', entityId: input.proceedingId, changes: auditable, details: { caseId } } };
});

export const addHearingAction = createAction('legal.add_hearing', { permission: 'case:update', schema: hearingSchema }, async (input, { actor, tx }) => {
  const { id, caseId } = await addHearing(tx, actor, input);
  return { data: { id }, audit: { entityType: 'hearing', entityId: id, details: { caseId } } };
});

export const recordHearingOutcomeAction = createAction('legal.hearing_outcome', { permission: 'case:update', schema: hearingOutcomeSchema }, async (input, { actor, tx }) => {
  const { caseId } = await recordHearingOutcome(tx, actor, input);
  return { data: { caseId }, audit: { entityType: 'hearing', entityId: input.hearingId, details: { caseId } } };
});

export const createDetentionAction = createAction('legal.create_detention', { permission: 'case:update', schema: detentionSchema }, async (input, { actor, tx }) => {
  const { id } = await createDetention(tx, actor, input);
  return { data: { id }, audit: { entityType: 'detention', entityId: id, details: { caseId: input.caseId } } };
});

export const addVisitAction = createAction('legal.add_visit', { permission: 'case:update', schema: visitSchema }, async (input, { actor, tx }) => {
  const { id, caseId } = await addVisit(tx, actor, input);
  return { data: { id }, audit: { entityType: 'consular_visit', entityId: id, details: { caseId } } };
});

export const createAgeClaimAction = createAction('legal.create_age_claim', { permission: 'case:update', schema: ageClaimSchema }, async (input, { actor, tx }) => {
  // The schema has checked the boxes make a real date.
  const { id, changes } = await createAgeClaim(tx, actor, { ...input, claimedDob: toIsoDate(input.claimedDob)! });
  return { data: { id }, audit: { entityType: 'age_claim', entityId: id, changes, details: { caseId: input.caseId } } };
});

export const moveAgeClaimAction = createAction('legal.move_age_claim', { permission: 'case:update', schema: moveAgeClaimSchema }, async (input, { actor, tx }) => {
  const { caseId, changes } = await moveAgeClaim(tx, actor, input);
  return { data: null, audit: { entityType: 'age_claim', entityId: input.claimId, changes, details: { caseId } } };
});

export const addAgeEvidenceAction = createAction('legal.add_age_evidence', { permission: 'case:update', schema: ageEvidenceSchema }, async (input, { actor, tx }) => {
  const { id, caseId } = await addAgeEvidence(tx, actor, input);
  return { data: { id }, audit: { entityType: 'age_evidence', entityId: id, details: { caseId, kind: input.kind } } };
});

export const createFinancialClaimAction = createAction('money.create_claim', { permission: 'case:update', schema: financialClaimSchema }, async (input, { actor, tx }) => {
  const { id } = await createFinancialClaim(tx, actor, input);
  return { data: { id }, audit: { entityType: 'financial_claim', entityId: id, details: { caseId: input.caseId, kind: input.kind, currency: input.currency, amount: input.amountClaimed } } };
});

export const recordPaymentAction = createAction('money.record_payment', { permission: 'case:update', schema: claimPaymentSchema }, async (input, { actor, tx }) => {
  const { id, caseId } = await recordPayment(tx, actor, input);
  return { data: { id }, audit: { entityType: 'claim_payment', entityId: id, details: { caseId, amount: input.amount } } };
});
