import { describe, expect, it } from 'vitest';
import { actorOf } from '@/lib/testing/actors';
import { assertCan, can, homeFor, navFor, permissions } from './authz';

describe('authorization', () => {
  it('keeps admins out of case content and auditors read-only', () => {
    expect(can(actorOf('admin'), 'case:read')).toBe(false);
    expect(can(actorOf('admin'), 'user:manage')).toBe(true);
    const auditorMay = Object.entries(permissions).filter(([, roles]) => (roles as readonly string[]).includes('auditor')).map(([p]) => p);
    expect(auditorMay.sort()).toEqual(['audit:read', 'mission:read', 'profile:update']);
  });
  it('refuses the signed-out and the unpermitted with different codes', () => {
    expect(() => assertCan(null, 'case:read')).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
    expect(() => assertCan(actorOf('officer'), 'user:manage')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
  it('shows each role the navigation and home page for what it may do', () => {
    expect(navFor(actorOf('officer')).map((n) => n.href)).toEqual(['/cases', '/drafts', '/calendar', '/reports', '/exports']);
    expect(navFor(actorOf('supervisor')).map((n) => n.href)).toEqual(['/cases', '/drafts', '/calendar', '/queues', '/dashboard', '/reports', '/exports', '/imports', '/approvals']);
    expect(navFor(actorOf('admin')).map((n) => n.href)).toEqual(['/admin/users', '/admin/missions', '/admin/reference']);
    expect(navFor(actorOf('auditor')).map((n) => n.href)).toEqual(['/audit']);
    expect(homeFor('supervisor')).toBe('/queues');
    for (const role of ['officer', 'supervisor', 'admin', 'auditor'] as const) {
      expect(navFor(actorOf(role)).map((n) => n.href)).toContain(homeFor(role));
    }
  });
});
