import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';

import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { assessmentSchema, createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { fromIsoDate } from '@/lib/validation/dates';
import { listCaseEvents } from './case-timeline';
import { addCaseNote, changeCaseStatus, requestClosure, updateAssessment } from './case-progress';
import { createCase, getCase } from './cases';
import { intakeFacts } from '@/lib/testing/intake';

describe.each(testDatabaseKinds())('case progress on %s', (kind) => {
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

  const newCase = async (overrides = {}) => {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Subject' }], ...overrides });
    const { id } = await h.db.transaction((tx) => createCase(tx, kul, input));
    return (await getCase(h.db, kul, id))!;
  };

  it('moves along the allowed paths only, records the first contact, and closes only through a request', async () => {
    const c = await newCase();
    const v2 = await changeCaseStatus(h.db, kul, { id: c.id, version: c.version, status: 'in_progress' });
    await expect(changeCaseStatus(h.db, kul, { id: c.id, version: v2.version, status: 'closed' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(changeCaseStatus(h.db, kul, { id: c.id, version: c.version, status: 'waiting_external' })).rejects.toMatchObject({ messageKey: 'errors.staleVersion' });
    const v3 = await requestClosure(h.db, kul, { id: c.id, version: v2.version, outcome: 'repatriated', summary: 'Flown home to Lombok.' });
    const after = (await getCase(h.db, kul, c.id))!;
    expect(after).toMatchObject({ status: 'resolution_requested', version: v3.version });
    await expect(requestClosure(h.db, kul, { id: c.id, version: v3.version, outcome: 'resolved', summary: 'again' })).rejects.toMatchObject({ code: 'invalid' });
    const kinds = (await listCaseEvents(h.db, c.id)).map((e) => e.kind);
    expect(kinds).toEqual(['closure_requested', 'status_changed', 'created']);
  });

  it('adds notes to the timeline of cases in scope only', async () => {
    const c = await newCase();
    await addCaseNote(h.db, kul, { caseId: c.id, text: 'Called the employer; no answer.' });
    await expect(addCaseNote(h.db, jed, { caseId: c.id, text: 'intrusion' })).rejects.toMatchObject({ code: 'not_found' });
    const events = await listCaseEvents(h.db, c.id);
    expect(events[0]).toMatchObject({ kind: 'note', data: { text: 'Called the employer; no answer.' } });
    expect(events.some((e) => JSON.stringify(e.data).includes('intrusion'))).toBe(false);
  });

  it('assesses trafficking: an adult victim needs a means, a child none', async () => {
    const adult = await newCase({ category: 'trafficking' });
    const base = { id: adult.id, version: adult.version, acts: ['recruitment'], means: [], purposes: ['forced_labour'], recruitmentChannel: 'online', recruiterRelation: 'stranger' };
    const r1 = await updateAssessment(h.db, kul, assessmentSchema.parse(base));
    expect((await getCase(h.db, kul, adult.id))!.assessment).toMatchObject({ elementsMet: false, recruitmentChannel: 'online' });
    await updateAssessment(h.db, kul, assessmentSchema.parse({ ...base, version: r1.version, means: ['deception'] }));
    expect((await getCase(h.db, kul, adult.id))!.assessment!.elementsMet).toBe(true);

    const child = await newCase({ category: 'trafficking', subjects: [{ ...emptySubject, fullName: 'Child', dateOfBirth: fromIsoDate(`${new Date().getUTCFullYear() - 14}-06-01`) }] });
    await updateAssessment(h.db, kul, assessmentSchema.parse({ ...base, id: child.id, version: child.version }));
    expect((await getCase(h.db, kul, child.id))!.assessment!.elementsMet).toBe(true);

    const labour = await newCase();
    await expect(updateAssessment(h.db, kul, assessmentSchema.parse({ ...base, id: labour.id, version: labour.version }))).rejects.toMatchObject({ code: 'invalid' });
    expect(assessmentSchema.safeParse({ ...base, acts: ['teleportation'] }).success).toBe(false);
  });
});
