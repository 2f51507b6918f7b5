import { describe, expect, it } from 'vitest';
import { createCaseSchema, emptyCase, emptySubject, requestClosureSchema } from './cases';
import { ageEvidenceSchema, emptyProceeding, financialClaimSchema, proceedingSchema } from './legal';
import { uploadDocumentSchema } from '@/lib/documents/actions';

/** The fields a form sends untouched and the errors they get: a fact nobody chose is refused, not recorded. */
function refused(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('forms that record facts start with nothing chosen', () => {
  it('an untouched intake has no category, channel or risk, and is refused until each is chosen', () => {
    expect(emptyCase).toMatchObject({ category: '', intakeChannel: '', riskLevel: '' });
    const untouched = { ...emptyCase, narrative: 'Came to the embassy', subjects: [{ ...emptySubject, fullName: 'Ani' }] };
    expect(refused(createCaseSchema.safeParse(untouched))).toEqual({ category: 'validation.choose', intakeChannel: 'validation.choose', riskLevel: 'validation.choose' });
    const chosen = createCaseSchema.parse({ ...untouched, category: 'trafficking', intakeChannel: 'hotline', riskLevel: 'high' });
    expect(chosen).toMatchObject({ category: 'trafficking', intakeChannel: 'hotline', riskLevel: 'high' });
    // A value that is not an option (a tampered form) is refused the same way, never kept.
    expect(refused(createCaseSchema.safeParse({ ...untouched, category: 'trafficking', intakeChannel: 'carrier_pigeon', riskLevel: 'high' }))).toEqual({ intakeChannel: 'validation.choose' });
  });

  it('a new legal proceeding names no person, jurisdiction, role or stage until chosen', () => {
    const form = emptyProceeding({ caseId: '7d1e2f52-6a4c-4a8e-9d55-3b5f0f0f2a11', version: 3, courtTimeZone: 'Asia/Kuala_Lumpur' });
    expect(form).toMatchObject({ partyId: '', jurisdiction: '', role: '', hostStage: '', courtTimeZone: 'Asia/Kuala_Lumpur' });
    expect(refused(proceedingSchema.safeParse(form))).toEqual({ partyId: 'validation.choose', jurisdiction: 'validation.choose', role: 'validation.choose' });
    const chosen = proceedingSchema.parse({ ...form, partyId: '0b6f1e8e-3c1d-4a57-8d1a-2f0e6b9c1d22', jurisdiction: 'home', role: 'victim' });
    // The stage stays unrecorded: "arrested" is never assumed.
    expect(chosen).toMatchObject({ jurisdiction: 'home', role: 'victim', hostStage: '' });
  });

  it('a document’s kind is chosen: an upload that names none is refused, not filed as a passport', () => {
    const upload = { caseId: '7d1e2f52-6a4c-4a8e-9d55-3b5f0f0f2a11', partyId: '', kind: '', file: new File([new Uint8Array([37, 80, 68, 70])], 'scan.pdf') };
    expect(refused(uploadDocumentSchema.safeParse(upload))).toEqual({ kind: 'validation.choose' });
    expect(uploadDocumentSchema.parse({ ...upload, kind: 'birth_certificate' }).kind).toBe('birth_certificate');
  });

  it('how a case ended, what a claim is for and what proves an age are chosen, never assumed', () => {
    const id = '7d1e2f52-6a4c-4a8e-9d55-3b5f0f0f2a11';
    expect(refused(requestClosureSchema.safeParse({ id, version: 2, outcome: '', summary: 'Back home' }))).toEqual({ outcome: 'validation.choose' });
    expect(refused(financialClaimSchema.safeParse({ caseId: id, kind: '', currency: 'MYR', amountClaimed: '100', claimedOn: '' }))).toEqual({ kind: 'validation.choose' });
    expect(refused(ageEvidenceSchema.safeParse({ claimId: id, kind: '', source: '', obtainedOn: '', issueDate: '', isVerified: false, documentId: '' }))).toEqual({ kind: 'validation.choose' });
  });
});
