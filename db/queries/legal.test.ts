import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { emptyProceeding, hearingSchema, moveProceedingSchema, proceedingSchema } from '@/lib/validation/legal';
import { listCaseEvents } from './case-timeline';
import { createCase, getCase } from './cases';
import { addHearing, addVisit, courtInstant, createDetention, createProceeding, getLegalTrack, listDeathPenaltyWatch, listDetaineesNotVisited, listHearings, moveProceeding, recordHearingOutcome } from './legal';
import { intakeFacts } from '@/lib/testing/intake';

describe('court times', () => {
  it('are read in the court’s time zone', () => {
    expect(courtInstant('2026-12-03T09:30', 'Asia/Kuala_Lumpur').toISOString()).toBe('2026-12-03T01:30:00.000Z');
    expect(courtInstant('2026-12-03T09:30', 'Asia/Riyadh').toISOString()).toBe('2026-12-03T06:30:00.000Z');
    expect(hearingSchema.safeParse({ proceedingId: crypto.randomUUID(), startsAt: '2026-12-03T09:30', timeZone: 'Mars/Olympus', court: '', purpose: '' }).success).toBe(false);
  });
});

describe.each(testDatabaseKinds())('the legal track on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  const supervisor = actorOf('supervisor', { email: 'supervisor@payung.test' });
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
  });
  afterAll(() => h?.close());

  it('records a proceeding, moves its stages in order (corrections by supervisors with a reason), and its hearings', async () => {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'criminal', narrative: 'Arrested at KLIA with drugs', subjects: [{ ...emptySubject, fullName: 'Defendant' }] });
    const { id } = await h.db.transaction((tx) => createCase(tx, kul, input));
    const c = (await getCase(h.db, kul, id))!;
    const base = {
      ...emptyProceeding({ caseId: id, version: c.version, courtTimeZone: 'Asia/Kuala_Lumpur' }),
      partyId: c.parties[0]!.id,
      jurisdiction: 'host',
      role: 'defendant',
      hostStage: 'arrested',
      charge: 'Drug trafficking (s39B)',
      court: 'Shah Alam High Court',
      arrestedOn: '2026-03-01',
      isDetained: true,
      isDeathPenalty: true,
    };
    const { id: proceedingId } = await createProceeding(h.db, kul, proceedingSchema.parse(base));
    expect((await getCase(h.db, kul, id))!).toMatchObject({ caseClass: 'special', deathPenalty: true });

    const move = (version: number, hostStage: string, extra = {}) =>
      moveProceedingSchema.parse({ proceedingId, version, hostStage, homeFileCode: '', verdict: '', sentence: '', isFinal: false, isDeathPenalty: true, correctionReason: '', ...extra });
    const r1 = await moveProceeding(h.db, kul, move(1, 'trial'));
    await expect(moveProceeding(h.db, kul, move(r1.version, 'charged'))).rejects.toMatchObject({ fieldErrors: { hostStage: ['validation.stageOrder'] } });
    await expect(moveProceeding(h.db, supervisor, move(r1.version, 'charged'))).rejects.toMatchObject({ fieldErrors: { hostStage: ['validation.correctionReason'] } });
    const r2 = await moveProceeding(h.db, supervisor, move(r1.version, 'charged', { correctionReason: 'Trial date was entered by mistake.' }));
    await expect(moveProceeding(h.db, kul, move(r1.version, 'trial'))).rejects.toMatchObject({ messageKey: 'errors.staleVersion' });
    expect(r2.version).toBe(3);

    await expect(addHearing(h.db, kul, hearingSchema.parse({ proceedingId, startsAt: '2026-02-01T09:00', timeZone: 'Asia/Kuala_Lumpur', court: '', purpose: '' }))).rejects.toMatchObject({
      fieldErrors: { startsAt: ['validation.hearingBeforeArrest'] },
    });
    const { id: hearingId } = await addHearing(h.db, kul, hearingSchema.parse({ proceedingId, startsAt: '2026-12-03T09:30', timeZone: 'Asia/Kuala_Lumpur', court: '', purpose: 'Mention' }));
    await expect(recordHearingOutcome(h.db, kul, { hearingId, outcome: 'Adjourned' }, new Date('2026-12-03T01:29:00Z'))).rejects.toMatchObject({ fieldErrors: { outcome: ['validation.hearingNotYet'] } });
    await expect(recordHearingOutcome(h.db, await officerActor(h.db, 'officer.jed@payung.test'), { hearingId, outcome: 'x' }, new Date('2026-12-04T00:00:00Z'))).rejects.toMatchObject({ code: 'not_found' });
    const calendar = await listHearings(h.db, kul, new Date('2026-12-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    expect(calendar).toMatchObject([{ startsAt: new Date('2026-12-03T01:30:00Z'), court: 'Shah Alam High Court', purpose: 'Mention' }]);
    expect(await listHearings(h.db, await officerActor(h.db, 'officer.jed@payung.test'), new Date('2026-12-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).toEqual([]);
    expect(await listHearings(h.db, supervisor, new Date('2026-12-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), kul.missionId!)).toHaveLength(1);
    expect(await listHearings(h.db, supervisor, new Date('2026-12-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), kul.missionId! + 1)).toEqual([]);
    await recordHearingOutcome(h.db, kul, { hearingId, outcome: 'Adjourned to 10 January' }, new Date('2026-12-03T05:00:00Z'));
    expect((await getLegalTrack(h.db, id)).proceedings[0]!.hearings[0]!.outcome).toBe('Adjourned to 10 January');
    const kinds = (await listCaseEvents(h.db, id)).map((e) => e.kind);
    expect(kinds.slice(0, 5)).toEqual(['hearing_outcome', 'hearing_added', 'proceeding_updated', 'proceeding_updated', 'proceeding_added']);
  });

  it('flags detainees not visited for 90 days', async () => {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'smuggling', narrative: 'Crew held in Kupang', subjects: [{ ...emptySubject, fullName: 'Crew A' }, { ...emptySubject, fullName: 'Crew B' }] });
    const { id } = await h.db.transaction((tx) => createCase(tx, kul, input));
    const c = (await getCase(h.db, kul, id))!;
    const a = await createDetention(h.db, kul, { caseId: id, partyId: c.parties[0]!.id, facility: 'Sungai Buloh prison', detainedSince: '2026-06-01', expectedRelease: '' });
    await createDetention(h.db, kul, { caseId: id, partyId: c.parties[1]!.id, facility: 'Sungai Buloh prison', detainedSince: '2026-06-01', expectedRelease: '' });
    await addVisit(h.db, kul, { detentionId: a.id, visitedOn: '2026-10-01', findings: 'In good health', needs: 'Medicine' });
    await expect(addVisit(h.db, kul, { detentionId: a.id, visitedOn: '2026-01-01', findings: '', needs: '' })).rejects.toMatchObject({ fieldErrors: { visitedOn: ['validation.visitBeforeDetention'] } });
    const due = await listDetaineesNotVisited(h.db, kul, '2026-11-28');
    expect(due.filter((d) => d.caseId === id).map((d) => d.pseudonym)).toEqual([c.parties[1]!.pseudonym]);
    const later = await listDetaineesNotVisited(h.db, kul, '2027-01-05');
    expect(later.filter((d) => d.caseId === id)).toHaveLength(2);
  });
});

describe.each(testDatabaseKinds())('the death-penalty watch list on %s', (kind) => {
  const supervisor = actorOf('supervisor', { email: 'supervisor@payung.test' });
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it('shows supervisors and the mission every citizen facing death, and no other mission', async () => {
    const kul = await officerActor(h.db, 'officer.kul@payung.test');
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, category: 'criminal', narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Facing Death' }] });
    const { id, reference } = await h.db.transaction((tx) => createCase(tx, kul, input));
    const c = (await getCase(h.db, kul, id))!;
    const { id: proceedingId } = await createProceeding(
      h.db,
      kul,
      proceedingSchema.parse({
        ...emptyProceeding({ caseId: id, version: c.version, courtTimeZone: 'Asia/Kuala_Lumpur' }), partyId: c.parties[0]!.id, jurisdiction: 'host', role: 'defendant',
        charge: 'Murder',
        court: 'Shah Alam',
        arrestedOn: '2026-01-01',
        lawyerName: 'Mr Lim',
        hostStage: 'charged',
        isDetained: true,
        isDeathPenalty: true,
      }),
    );
    await addHearing(h.db, kul, hearingSchema.parse({ proceedingId, startsAt: '2030-01-10T09:00', timeZone: 'Asia/Kuala_Lumpur', court: '', purpose: '' }));
    const forSupervisor = await listDeathPenaltyWatch(h.db, supervisor);
    expect(forSupervisor).toMatchObject([{ reference, missionCode: 'KUL', personLabel: `${reference}-S1`, hostStage: 'charged', lawyerName: 'Mr Lim', nextHearing: new Date('2030-01-10T01:00:00Z') }]);
    expect(JSON.stringify(forSupervisor)).not.toContain('Facing Death');
    expect(await listDeathPenaltyWatch(h.db, kul)).toHaveLength(1);
    expect(await listDeathPenaltyWatch(h.db, await officerActor(h.db, 'officer.jed@payung.test'))).toEqual([]);
  });
});
