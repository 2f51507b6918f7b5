import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { listCaseEvents } from './case-timeline';
import { createCase, getCase } from './cases';
import { createReferral, listConsentsAndReferrals, moveReferral, recordConsent, withdrawConsent } from './referrals';
import { intakeFacts } from '@/lib/testing/intake';

describe.each(testDatabaseKinds())('consents and referrals on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  const supervisor = actorOf('supervisor', { email: 'supervisor@payung.test' });
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
  });
  afterAll(() => h?.close());

  it('refuses a referral without the person’s consent, unless a supervisor overrides with a reason', async () => {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Referred' }] });
    const { id } = await h.db.transaction((tx) => createCase(tx, kul, input));
    const party = (await getCase(h.db, kul, id))!.parties[0]!;
    const referral = { caseId: id, partyId: party.id, partnerCode: 'IOM', purpose: 'Return assistance', overrideReason: '' };

    await expect(createReferral(h.db, kul, referral)).rejects.toMatchObject({ messageKey: 'errors.noConsent', fieldErrors: { partnerCode: ['validation.noConsent'] } });
    await expect(createReferral(h.db, kul, { ...referral, overrideReason: 'urgent' })).rejects.toMatchObject({ messageKey: 'errors.noConsent' });

    // Consent to sharing with another partner does not cover IOM.
    await recordConsent(h.db, kul, { caseId: id, partyId: party.id, scope: 'sharing', partnerCode: 'LBH', givenOn: '2026-11-20' });
    await expect(createReferral(h.db, kul, referral)).rejects.toMatchObject({ messageKey: 'errors.noConsent' });

    const { id: consentId } = await recordConsent(h.db, kul, { caseId: id, partyId: party.id, scope: 'sharing', partnerCode: 'IOM', givenOn: '2026-11-21' });
    const sent = await createReferral(h.db, kul, referral);
    const [r] = (await listConsentsAndReferrals(h.db, id)).referrals;
    expect(r).toMatchObject({ id: sent.id, status: 'sent', partnerCode: 'IOM', overrideReason: null });
    await moveReferral(h.db, kul, { referralId: r!.id, version: r!.version, status: 'accepted' });
    await expect(moveReferral(h.db, kul, { referralId: r!.id, version: r!.version, status: 'completed' })).rejects.toMatchObject({ messageKey: 'errors.staleVersion' });
    await moveReferral(h.db, kul, { referralId: r!.id, version: r!.version + 1, status: 'completed' });
    await expect(moveReferral(h.db, kul, { referralId: r!.id, version: r!.version + 2, status: 'revoked' })).rejects.toMatchObject({ messageKey: 'errors.referralTransition' });

    // Withdrawn consent no longer allows a referral; a supervisor may still refer, with a reason.
    await withdrawConsent(h.db, kul, consentId);
    await expect(createReferral(h.db, kul, referral)).rejects.toMatchObject({ messageKey: 'errors.noConsent' });
    await createReferral(h.db, supervisor, { ...referral, overrideReason: 'Her life is at risk; IOM must arrange the evacuation.' });
    expect((await listConsentsAndReferrals(h.db, id)).referrals[0]).toMatchObject({ overrideReason: expect.stringContaining('life is at risk') });

    const jed = await officerActor(h.db, 'officer.jed@payung.test');
    await expect(createReferral(h.db, jed, referral)).rejects.toMatchObject({ code: 'not_found' });
    const kinds = (await listCaseEvents(h.db, id)).map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('referral_'))).toHaveLength(4);
    expect(kinds).toContain('consent_withdrawn');
  });
});
