import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { listCaseEvents } from './case-timeline';
import { createCase, getCase, listCases } from './cases';
import { countIncomingTransfers, decideTransfer, listIncomingTransfers, requestTransfer } from './transfers';
import { intakeFacts } from '@/lib/testing/intake';

describe.each(testDatabaseKinds())('transfers on %s', (kind) => {
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

  it('moves a case to the receiving mission only when it accepts; others cannot decide', async () => {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'Moved to Jeddah with the employer', subjects: [{ ...emptySubject, fullName: 'Mover' }] });
    const { id } = await h.db.transaction((tx) => createCase(tx, kul, input));
    const file = (await getCase(h.db, kul, id))!;
    await expect(requestTransfer(h.db, kul, { id, version: file.version, toMissionCode: 'KUL', reason: 'x' })).rejects.toMatchObject({ fieldErrors: { toMissionCode: ['validation.otherMission'] } });
    await requestTransfer(h.db, kul, { id, version: file.version, toMissionCode: 'JED', reason: 'The employer took her to Jeddah.' });
    await expect(requestTransfer(h.db, kul, { id, version: file.version + 1, toMissionCode: 'RUH', reason: 'again' })).rejects.toMatchObject({ messageKey: 'errors.transferPending' });

    // Addressed to JED: KUL cannot accept it, a Gulf-only supervisor of another region cannot either.
    expect(await listIncomingTransfers(h.db, kul)).toEqual([]);
    const [incoming] = await listIncomingTransfers(h.db, jed);
    expect(incoming).toMatchObject({ reference: file.reference, fromMissionCode: 'KUL', toMissionCode: 'JED' });
    expect(JSON.stringify(incoming)).not.toContain('Mover');
    await expect(decideTransfer(h.db, kul, { transferId: incoming!.id, decision: 'accept', comment: '' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(decideTransfer(h.db, actorOf('supervisor', { regionCountries: ['AU'] }), { transferId: incoming!.id, decision: 'accept', comment: '' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await getCase(h.db, jed, id)).toBeNull();

    await decideTransfer(h.db, jed, { transferId: incoming!.id, decision: 'accept', comment: 'We will visit her.' });
    const moved = (await getCase(h.db, jed, id))!;
    expect(moved).toMatchObject({ missionCode: 'JED', reference: file.reference, assignedOfficerName: 'Ahmad Fauzi' });
    expect(moved.parties[0]!.fullName).toBe('Mover');
    expect(await getCase(h.db, kul, id)).toBeNull();
    expect((await listCases(h.db, kul, { q: file.reference })).items).toEqual([]);
    const kinds = (await listCaseEvents(h.db, id)).map((e) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['transfer_accepted', 'transfer_requested']);
    await expect(decideTransfer(h.db, jed, { transferId: incoming!.id, decision: 'reject', comment: 'late' })).rejects.toMatchObject({ messageKey: 'errors.alreadyDecided' });
  });

  it('accepts a case whose number the receiving mission has also given (KUL-…-00002 arriving where JED-…-00002 exists), and goes on numbering its own', async () => {
    const make = (officer: Actor) => h.db.transaction((tx) => createCase(tx, officer, createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Same Number' }] })));
    // KUL gave 00001 above (now at JED); JED gives 00001 and 00002, KUL then 00002.
    await make(jed);
    const atJed = await make(jed);
    const atKul = await make(kul);
    expect(atKul.reference.slice(4)).toBe(atJed.reference.slice(4));
    const file = (await getCase(h.db, kul, atKul.id))!;
    await requestTransfer(h.db, kul, { id: atKul.id, version: file.version, toMissionCode: 'JED', reason: 'Moved.' });
    const incoming = (await listIncomingTransfers(h.db, jed)).find((t) => t.reference === atKul.reference)!;
    await decideTransfer(h.db, jed, { transferId: incoming.id, decision: 'accept', comment: '' });
    expect(await getCase(h.db, jed, atKul.id)).toMatchObject({ missionCode: 'JED', reference: atKul.reference });
    expect((await make(jed)).reference).toBe(atJed.reference.replace(/\d+$/, '00003'));
  });
  it('lists the requests waiting longest first, as many as asked, and counts them all', async () => {
    const requested: string[] = [];
    for (const n of [1, 2, 3]) {
      const { id } = await h.db.transaction((tx) => createCase(tx, kul, createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'x', subjects: [{ ...emptySubject, fullName: `Waiting ${n}` }] })));
      const file = (await getCase(h.db, kul, id))!;
      await requestTransfer(h.db, kul, { id, version: file.version, toMissionCode: 'RUH', reason: 'Moved.' });
      requested.push(file.reference);
    }
    // Riyadh's side: the supervisor of a Saudi-only region.
    const ruh = actorOf('supervisor', { regionCountries: ['SA'] });
    expect((await listIncomingTransfers(h.db, ruh, 2)).map((t) => t.reference)).toEqual(requested.slice(0, 2));
    expect(await countIncomingTransfers(h.db, ruh)).toBe(3);
    expect(await countIncomingTransfers(h.db, kul)).toBe(0);
  });
});
