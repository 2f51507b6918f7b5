import { beforeEach, describe, expect, it, vi } from 'vitest';
import { actorOf } from '@/lib/testing/actors';
import type { Actor } from '../actor';

const state: { path: string; actor: Actor | null; twoFactor: boolean } = { path: '/queues', actor: null, twoFactor: false };
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-payung-path': state.path }) }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
  notFound: () => {
    throw new Error('not found');
  },
}));
vi.mock('next-auth', () => ({ getServerSession: async () => ({ sid: '00000000-0000-4000-8000-000000000000' }) }));
vi.mock('@/db', () => ({ getDb: async () => ({}) }));
vi.mock('@/db/queries/sessions', () => ({ resolveSession: async () => state.actor, ABSOLUTE_HOURS: 12, attemptSignIn: async () => null, endSession: async () => {} }));
vi.mock('@/db/queries/two-factor', () => ({ hasTwoFactor: async () => state.twoFactor }));

const { requireActor } = await import('./actor');

describe('pages where two-step sign-in is required (PAYUNG_REQUIRE_2FA=1)', () => {
  beforeEach(() => {
    vi.stubEnv('PAYUNG_REQUIRE_2FA', '1');
    vi.stubEnv('AUTH_SECRET', 'test-secret-0000000000000000000000000000');
  });

  it('send a supervisor or admin without it to set it up, from every page but that one', async () => {
    Object.assign(state, { path: '/queues', actor: actorOf('supervisor'), twoFactor: false });
    await expect(requireActor()).rejects.toThrow('redirect /account/security?required=1');
    state.path = '/account/security';
    await expect(requireActor()).resolves.toMatchObject({ role: 'supervisor' });
    Object.assign(state, { path: '/admin/users', actor: actorOf('admin') });
    await expect(requireActor()).rejects.toThrow('redirect /account/security?required=1');
  });

  it('let through those who have it, other roles, and everyone where it is not required', async () => {
    Object.assign(state, { path: '/queues', actor: actorOf('supervisor'), twoFactor: true });
    await expect(requireActor()).resolves.toMatchObject({ role: 'supervisor' });
    Object.assign(state, { path: '/cases', actor: actorOf('officer', { missionId: 1 }), twoFactor: false });
    await expect(requireActor()).resolves.toMatchObject({ role: 'officer' });
    vi.stubEnv('PAYUNG_REQUIRE_2FA', '');
    Object.assign(state, { path: '/queues', actor: actorOf('supervisor'), twoFactor: false });
    await expect(requireActor()).resolves.toMatchObject({ role: 'supervisor' });
  });
});
