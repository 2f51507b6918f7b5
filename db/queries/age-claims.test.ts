import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { addAgeEvidence, createAgeClaim, getAgeClaims, isStaleClaim, moveAgeClaim } from './age-claims';
import { createCase, getCase } from './cases';
import { intakeFacts } from '@/lib/testing/intake';

describe('a stale age claim', () => {
  it('is one still only claimed 30 days on', () => {
    const claimedAt = new Date('2026-10-01T00:00:00Z');
    expect(isStaleClaim({ status: 'claimed', claimedAt }, new Date('2026-10-30T00:00:00Z'))).toBe(false);
    expect(isStaleClaim({ status: 'claimed', claimedAt }, new Date('2026-11-02T00:00:00Z'))).toBe(true);
    expect(isStaleClaim({ status: 'evidence_requested', claimedAt }, new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });
});

describe.each(testDatabaseKinds())('age claims on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
  });
  afterAll(() => h?.close());

  it('runs a crew member’s claim to be 16 from claim to acceptance, with its evidence summarised', async () => {
    const input = createCaseSchema.parse({
      ...emptyCase, ...intakeFacts,
      category: 'smuggling',
      narrative: 'Boat crew arrested off Christmas Island',
      subjects: [1, 2, 3].map((n) => ({ ...emptySubject, fullName: `Crew ${n}` })),
    });
    const { id } = await h.db.transaction((tx) => createCase(tx, kul, input));
    const file = (await getCase(h.db, kul, id))!;
    const young = file.parties[2]!;
    await expect(createAgeClaim(h.db, kul, { caseId: id, partyId: young.id, claimedDob: '2026-12-01', relevantOn: '2026-09-01' })).rejects.toMatchObject({
      fieldErrors: { claimedDob: ['validation.dobAfterRelevant'] },
    });
    const { id: claimId } = await createAgeClaim(h.db, kul, { caseId: id, partyId: young.id, claimedDob: '2010-02-14', relevantOn: '2026-09-01' });
    let [claim] = await getAgeClaims(h.db, id);
    expect(claim).toMatchObject({ status: 'claimed', ageOnRelevantDate: 16, pseudonym: young.pseudonym });

    await expect(moveAgeClaim(h.db, kul, { claimId, version: 1, status: 'accepted' })).rejects.toMatchObject({ messageKey: 'errors.ageClaimTransition' });
    await moveAgeClaim(h.db, kul, { claimId, version: 1, status: 'evidence_requested' });
    await addAgeEvidence(h.db, kul, { claimId, kind: 'birth_certificate', source: 'Family in Rote', obtainedOn: '2026-10-10', issueDate: '2015-04-01', isVerified: true, documentId: '' });
    await addAgeEvidence(h.db, kul, { claimId, kind: 'xray', source: 'Police doctor', obtainedOn: '2026-09-10', issueDate: '', isVerified: false, documentId: '' });
    await moveAgeClaim(h.db, kul, { claimId, version: 2, status: 'evidence_received' });
    await moveAgeClaim(h.db, kul, { claimId, version: 3, status: 'submitted' });
    await moveAgeClaim(h.db, kul, { claimId, version: 4, status: 'accepted' });
    [claim] = await getAgeClaims(h.db, id);
    expect(claim).toMatchObject({ status: 'accepted', summary: { documentary: 1, estimated: 1, verified: 1, disputed: true, lateRegistration: true } });
    const jed = await officerActor(h.db, 'officer.jed@payung.test');
    await expect(moveAgeClaim(h.db, jed, { claimId, version: 5, status: 'withdrawn' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
