import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DbHandle, setHandle } from '@/db';
import { auditEvents, regions } from '@/db/schema';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from './actor';
import { actorOf } from './testing/actors';

const current: { actor: Actor | null } = { actor: null };
vi.mock('@/lib/auth/actor', () => ({ getActor: async () => current.actor }));

const { createAction, withoutControlCharacters } = await import('./action');
const { AppError } = await import('./errors');

const schema = z.object({ code: z.string().min(2, 'validation.required'), fail: z.boolean().default(false) });

const addRegion = createAction('region.create', { permission: 'reference:manage', schema }, async (input, { tx }) => {
  await tx.insert(regions).values({ code: input.code, nameEn: input.code, nameId: input.code, countries: ['MY'] });
  if (input.fail) throw new AppError('conflict', 'errors.conflict');
  return { data: { code: input.code }, audit: { entityType: 'region', entityId: input.code, changes: { code: { before: null, after: input.code } } } };
});

describe('input of a server action', () => {
  it('loses control characters at any depth, keeping tabs and line breaks', () => {
    expect(withoutControlCharacters({ a: 'Sri\u0000 Wahyuni', b: ['x\u0007', { c: 'line\r\nnext\tcol\u007f' }], ['k\u0000']: 1, n: 5, d: null })).toEqual({
      a: 'Sri Wahyuni',
      b: ['x', { c: 'line\r\nnext\tcol' }],
      k: 1,
      n: 5,
      d: null,
    });
    const file = new Blob(['\u0000']);
    expect(withoutControlCharacters(file)).toBe(file);
  });
});

describe.each(testDatabaseKinds())('the action wrapper on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    setHandle(h);
  });
  afterAll(() => h?.close());

  const audits = async () => h.db.select({ action: auditEvents.action, details: auditEvents.details, actorEmail: auditEvents.actorEmail }).from(auditEvents);

  it('refuses the signed-out', async () => {
    current.actor = null;
    expect(await addRegion({ code: 'xx' })).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await h.db.$count(regions)).toBe(0);
  });

  it('refuses a role without the permission, and records the attempt', async () => {
    current.actor = actorOf('officer', { email: 'o@test' });
    expect(await addRegion({ code: 'xx' })).toMatchObject({ ok: false, code: 'forbidden', error: 'errors.forbidden' });
    expect(await h.db.$count(regions)).toBe(0);
    expect(await audits()).toEqual([{ action: 'region.create', details: { refused: 'forbidden' }, actorEmail: 'o@test' }]);
  });

  it('returns field errors as message keys, without running', async () => {
    current.actor = actorOf('admin');
    expect(await addRegion({ code: 'x' })).toEqual({ ok: false, code: 'invalid', error: 'errors.invalid', fieldErrors: { code: ['validation.required'] } });
    expect(await addRegion('not an object')).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('writes the change and its audit row in one transaction', async () => {
    current.actor = actorOf('admin', { email: 'a@test' });
    expect(await addRegion({ code: 'gulf' })).toEqual({ ok: true, data: { code: 'gulf' } });
    expect((await audits()).at(-1)).toEqual({ action: 'region.create', details: null, actorEmail: 'a@test' });
  });

  it('rolls back both when the run fails: no half-written change, no audit of what did not happen', async () => {
    const before = (await audits()).length;
    expect(await addRegion({ code: 'east', fail: true })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await h.db.$count(regions)).toBe(1);
    expect((await audits()).length).toBe(before);
  });

  it('stores text with a NUL byte in it (a crafted request) without it, in a column and in JSON', async () => {
    const note = createAction('region.create', { permission: 'reference:manage', schema: z.object({ code: z.string(), data: z.record(z.string(), z.unknown()) }) }, async (input, { tx }) => {
      await tx.insert(regions).values({ code: input.code, nameEn: input.code, nameId: input.code, countries: ['MY'] });
      return { data: null, audit: { entityType: 'region', entityId: input.code, details: input.data } };
    });
    current.actor = actorOf('admin', { email: 'a@test' });
    expect(await note({ code: 'nul\u0000', data: { name: 'Sri\u0000Wahyuni' } })).toEqual({ ok: true, data: null });
    expect((await audits()).at(-1)).toMatchObject({ action: 'region.create', details: { name: 'SriWahyuni' } });
    expect((await h.db.select({ code: regions.code }).from(regions)).map((r) => r.code)).toContain('nul');
  });

  it('turns a unique violation into a conflict and hides unexpected errors behind a request id', async () => {
    expect(await addRegion({ code: 'gulf' })).toMatchObject({ ok: false, code: 'conflict' });
    const boom = createAction('x.boom', { permission: 'reference:manage', schema: z.object({}) }, async () => {
      throw new Error('driver said: secret detail');
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await boom({});
    spy.mockRestore();
    expect(result).toMatchObject({ ok: false, code: 'unexpected', error: 'errors.unexpected' });
    expect(JSON.stringify(result)).not.toContain('secret detail');
  });
});
