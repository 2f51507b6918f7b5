import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { auditEvents } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { emptyParty, partySchema, updatePartySchema } from '@/lib/validation/people';
import { listCaseEvents } from './case-timeline';
import { createCase, getCase } from './cases';
import { addParty, updateParty } from './parties';
import { revealIdentity } from './people';
import { intakeFacts } from '@/lib/testing/intake';

describe.each(testDatabaseKinds())('people on a case on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  let jed: Actor;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
    jed = await officerActor(h.db, 'officer.jed@payung.test');
  });
  afterAll(() => h?.close());

  it('adds people in each role with the next pseudonym, and edits them with the case version', async () => {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'crew', subjects: [{ ...emptySubject, fullName: 'Crew One' }] });
    const { id, reference } = await h.db.transaction((tx) => createCase(tx, kul, input));
    let version = (await getCase(h.db, kul, id))!.version;

    const add = async (extra: object) => {
      const r = await addParty(h.db, kul, partySchema.parse({ ...emptyParty(id, version), ...extra }));
      version = r.version;
      return r;
    };
    expect((await add({ role: 'subject', fullName: 'Crew Two', nik: '3201011203900002', isIdentityUndisclosed: true })).pseudonym).toBe(`${reference}-S2`);
    expect((await add({ role: 'family_contact', fullName: 'Ibu Siti', relationship: 'mother', phone: '+62 812 000' })).pseudonym).toBe(`${reference}-F1`);
    expect((await add({ role: 'witness', fullName: 'Pak Amir' })).pseudonym).toBe(`${reference}-W1`);
    await expect(addParty(h.db, kul, partySchema.parse({ ...emptyParty(id, version - 1), fullName: 'late' }))).rejects.toMatchObject({ messageKey: 'errors.staleVersion' });
    await expect(addParty(h.db, jed, partySchema.parse({ ...emptyParty(id, version), fullName: 'intruder' }))).rejects.toMatchObject({ code: 'not_found' });
    expect(partySchema.safeParse({ ...emptyParty(id, version), role: 'perpetrator', fullName: 'X' }).error?.issues[0]?.message).toBe('validation.required');

    const file = (await getCase(h.db, kul, id))!;
    expect(file.parties.map((p) => p.pseudonym)).toEqual([`${reference}-S1`, `${reference}-S2`, `${reference}-W1`, `${reference}-F1`]);
    const hidden = file.parties[1]!;
    expect(hidden.fullName).toBeNull();

    // Editing an undisclosed person: identity values neither on the timeline nor in the audit trail.
    const { identity } = await revealIdentity(h.db, kul, hidden.id);
    const edited = updatePartySchema.parse({
      ...emptyParty(id, version),
      partyId: hidden.id,
      role: 'subject',
      fullName: 'Crew Two Corrected',
      nik: identity.nik ?? '',
      isIdentityUndisclosed: true,
    });
    const r = await updateParty(h.db, kul, edited);
    expect(r.changes.fullName).toEqual({ before: '[changed]', after: '[changed]' });
    const events = await listCaseEvents(h.db, id);
    expect(events[0]).toMatchObject({ kind: 'party_updated', data: { pseudonym: `${reference}-S2`, changes: { fullName: { before: '[changed]', after: '[changed]' } } } });
    expect(JSON.stringify(events)).not.toContain('Corrected');
    const audit = await h.db.select({ changes: auditEvents.changes }).from(auditEvents);
    expect(JSON.stringify(audit)).not.toContain('Corrected');
    expect((await revealIdentity(h.db, kul, hidden.id)).identity.fullName).toBe('Crew Two Corrected');
    await expect(updateParty(h.db, kul, edited)).rejects.toMatchObject({ messageKey: 'errors.staleVersion' });
  });
});
