import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DbHandle, setHandle } from '@/db';
import { caseDrafts, cases, persons } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { actorOf } from '@/lib/testing/actors';
import { emptyCase, emptySubject } from '@/lib/validation/cases';
import { intakeFacts } from '@/lib/testing/intake';

const current: { actor: Actor | null } = { actor: null };
vi.mock('@/lib/auth/actor', () => ({ getActor: async () => current.actor }));
const { createCaseAction, saveDraftAction } = await import('./actions');

/** What a direct POST to the server actions can send: anything. */
describe('case actions under hostile input', () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase('pglite');
    setHandle(h);
    await seedDemo(h.db);
    current.actor = actorOf('supervisor', { email: 'supervisor@payung.test' });
  });
  afterAll(() => h?.close());

  it('answers malformed input with field errors and writes nothing', async () => {
    for (const raw of [null, 'x', 42, [], { ...emptyCase, ...intakeFacts, subjects: 'all of them' }, { ...emptyCase, ...intakeFacts, category: 'piracy' }, { ...emptyCase, ...intakeFacts, narrative: 'x'.repeat(20_001), subjects: [emptySubject] }]) {
      const result = await createCaseAction(raw);
      expect(result, JSON.stringify(raw)?.slice(0, 60)).toMatchObject({ ok: false, code: 'invalid' });
    }
    const hostile = await createCaseAction({
      ...emptyCase, ...intakeFacts,
      missionCode: 'KUL',
      narrative: 'ok',
      subjects: [{ ...emptySubject, fullName: 'A', nik: "3201'; DROP TABLE cases; --", existingPersonId: '' }],
    });
    expect(hostile).toMatchObject({ ok: false, fieldErrors: { 'subjects.0.nik': ['validation.nik'] } });
    expect(await h.db.$count(cases)).toBe(0);
    expect(await h.db.$count(persons)).toBe(0);
  });

  it('stores text as typed, markup included', async () => {
    const result = await createCaseAction({ ...emptyCase, ...intakeFacts, missionCode: 'KUL', narrative: '<script>alert(1)</script> & "quotes"', subjects: [{ ...emptySubject, fullName: "O'Brien <b>" }] });
    expect(result).toMatchObject({ ok: true });
    const [row] = await h.db.select({ narrative: cases.narrative }).from(cases);
    expect(row!.narrative).toBe('<script>alert(1)</script> & "quotes"');
  });

  it('refuses an oversized draft', async () => {
    const result = await saveDraftAction({ id: '', data: { narrative: 'x'.repeat(600_000) } });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(await h.db.$count(caseDrafts)).toBe(0);
  });
});
