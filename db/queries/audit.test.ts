import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { auditEvents } from '@/db/schema';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import { actorOf } from '@/lib/testing/actors';
import { REDACTED, appendAudit, describeAuditCheck, diffChanges, listAuditEvents, verifyAuditChain } from './audit';

describe('diffChanges', () => {
  it('lists only changed fields, and never the values of sensitive ones', () => {
    const changes = diffChanges({ name: 'A', nik: '3201234567890001', city: 'X' }, { name: 'B', nik: '3201234567890002', city: 'X' }, ['nik']);
    expect(changes).toEqual({ name: { before: 'A', after: 'B' }, nik: { before: REDACTED, after: REDACTED } });
    expect(JSON.stringify(changes)).not.toContain('320123456789');
  });
});

describe.each(testDatabaseKinds())('audit trail on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
  });
  afterAll(() => h?.close());

  it('chains each row to the one before, so the chain verifies', async () => {
    const who = { id: null, email: 'system', ip: '192.0.2.1' };
    await appendAudit(h.db, who, { action: 'test.one', entityType: 'thing', entityId: 1, changes: { a: { before: 1, after: 2 } } });
    await Promise.all([1, 2, 3, 4, 5].map((n) => appendAudit(h.db, who, { action: 'test.concurrent', details: { n, nested: { z: 1, a: [1, 'x'] } } })));
    const check = await verifyAuditChain(h.db);
    expect(check).toEqual({ ok: true, checked: 6, brokenAt: null });
  });

  it('refuses to change or remove a row', async () => {
    await expect(h.db.execute(sql`UPDATE audit_events SET action = 'forged'`)).rejects.toThrow();
    await expect(h.db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
    const [row] = await h.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    expect(row?.n).toBe(6);
  });

  it('detects a row altered behind the trigger', async () => {
    await h.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    const [{ id: tampered }] = (await h.db.select({ id: sql<number>`min(id) + 2` }).from(auditEvents)) as [{ id: number }];
    await h.db.execute(sql`UPDATE audit_events SET ip = '203.0.113.9' WHERE id = ${tampered}`);
    await h.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    const check = await verifyAuditChain(h.db);
    // The exact row is named.
    expect(check).toEqual({ ok: false, checked: 2, brokenAt: Number(tampered) });
    expect(describeAuditCheck(check)).toBe(`The audit trail has been altered at row ${tampered} (the 2 rows before it are intact).`);
    expect(describeAuditCheck({ ok: true, checked: 6, brokenAt: null })).toBe('The audit trail is intact: 6 rows checked.');
  });

  it('is read by auditors only, newest first', async () => {
    const rows = await listAuditEvents(h.db, actorOf('auditor'), { limit: 3 });
    expect(rows).toHaveLength(3);
    expect(rows[0]!.id).toBeGreaterThan(rows[1]!.id);
    await expect(listAuditEvents(h.db, actorOf('officer', { missionId: 1 }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listAuditEvents(h.db, actorOf('admin'))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
