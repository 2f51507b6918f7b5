import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { eq, sql } from 'drizzle-orm';
import { auditEvents, caseParties, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import { actorOf, officerActor } from '@/lib/testing/actors';
import type { AuditFilter } from '@/lib/validation/audit';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { createCase } from './cases';
import { REDACTED, appendAudit, describeAuditCheck, diffChanges, listAuditEvents, verifyAuditChain } from './audit';
import { intakeFacts } from '@/lib/testing/intake';

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
    const { rows } = await listAuditEvents(h.db, actorOf('auditor'), { limit: 3 });
    expect(rows).toHaveLength(3);
    expect(rows[0]!.id).toBeGreaterThan(rows[1]!.id);
    await expect(listAuditEvents(h.db, actorOf('officer', { missionId: 1 }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listAuditEvents(h.db, actorOf('admin'))).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe.each(testDatabaseKinds())('the auditor’s filters on %s', (kind) => {
  let h: DbHandle;
  let caseA: { id: string; reference: string };
  let caseB: { id: string; reference: string };
  let pseudonymA: string;
  const auditor = actorOf('auditor', { timeZone: 'Asia/Jakarta' });
  const list = (filter: AuditFilter, before?: number) => listAuditEvents(h.db, auditor, { filter, before, timeZone: auditor.timeZone, limit: 200 });

  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    const kul = await officerActor(h.db, 'officer.kul@payung.test');
    const intake = (fullName: string) =>
      createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'Held by the employer.', subjects: [{ ...emptySubject, fullName, isIdentityUndisclosed: true }] });
    caseA = await h.db.transaction((tx) => createCase(tx, kul, intake('Sri Wahyuni')));
    caseB = await h.db.transaction((tx) => createCase(tx, kul, intake('Ani Lestari')));
    const [party] = await h.db.select({ id: caseParties.id, pseudonym: caseParties.pseudonym }).from(caseParties).where(eq(caseParties.caseId, caseA.id));
    pseudonymA = party!.pseudonym;
    const [sup] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'supervisor@payung.test'));
    const supervisor = actorOf('supervisor', { id: sup!.id, email: 'supervisor@payung.test' });
    const who = (a: typeof kul) => ({ id: a.id, email: a.email, ip: '192.0.2.7' });
    // As the actions write them: on the case itself, on a record of it (its caseId in the details), elsewhere.
    await appendAudit(h.db, who(kul), { action: 'case.create', entityType: 'case', entityId: caseA.id });
    await appendAudit(h.db, who(kul), { action: 'case.reveal_identity', entityType: 'case', entityId: caseA.id, details: { pseudonym: pseudonymA } });
    await appendAudit(h.db, who(supervisor), { action: 'case.identity_matched_by_search', entityType: 'case', entityId: caseA.id, details: { pseudonym: pseudonymA, field: 'nik' } });
    await appendAudit(h.db, who(supervisor), { action: 'document.download', entityType: 'document', entityId: '5b3f0000-0000-4000-8000-000000000001', details: { caseId: caseA.id, kind: 'passport' } });
    await appendAudit(h.db, who(kul), { action: 'legal.add_hearing', entityType: 'hearing', entityId: 'h1', details: { caseId: caseB.id } });
    await appendAudit(h.db, who(kul), { action: 'user.set_locale', entityType: 'user', entityId: kul.id!, changes: { locale: { before: 'en', after: 'id' } } });
    await appendAudit(h.db, { id: null, email: 'nobody@example.test', ip: '192.0.2.8' }, { action: 'auth.sign_in_failed', details: {} });
  });
  afterAll(() => h?.close());

  it('find every row about a case by its reference, its records’ rows too, each with the reference', async () => {
    const { rows, unknown } = await list({ caseRef: caseA.reference });
    expect(unknown).toBeNull();
    expect(rows.map((r) => r.action)).toEqual(['document.download', 'case.identity_matched_by_search', 'case.reveal_identity', 'case.create']);
    expect(new Set(rows.map((r) => r.caseRef))).toEqual(new Set([caseA.reference]));
    expect((await list({ caseRef: caseB.reference })).rows.map((r) => [r.action, r.caseRef])).toEqual([['legal.add_hearing', caseB.reference]]);
    expect(await list({ caseRef: 'KUL-1999-00001' })).toEqual({ rows: [], unknown: 'caseRef' });
  });

  it('answer “who saw this victim’s identity” in one search: the pseudonym, identity seen', async () => {
    const { rows } = await list({ pseudonym: pseudonymA, action: 'identity_seen' });
    expect(rows.map((r) => [r.action, r.actorEmail])).toEqual([
      ['case.identity_matched_by_search', 'supervisor@payung.test'],
      ['case.reveal_identity', 'officer.kul@payung.test'],
    ]);
    expect((await list({ caseRef: caseA.reference, action: 'identity_seen' })).rows).toHaveLength(3);
    expect((await list({ pseudonym: `${caseB.reference}-S9` })).unknown).toBe('pseudonym');
  });

  it('filter by user (an exact email, the start of one, or an email no account has), by action and by local dates', async () => {
    expect((await list({ user: 'SUPERVISOR@payung.test' })).rows.map((r) => r.action)).toEqual(['document.download', 'case.identity_matched_by_search']);
    expect((await list({ user: 'officer.kul' })).rows.map((r) => r.action)).toEqual(['user.set_locale', 'legal.add_hearing', 'case.reveal_identity', 'case.create']);
    expect((await list({ user: 'nobody@example.test' })).rows.map((r) => r.action)).toEqual(['auth.sign_in_failed']);
    expect((await list({ user: 'no-such-person' })).unknown).toBe('user');
    const locale = (await list({ action: 'user.set_locale' })).rows;
    expect(locale.map((r) => r.userEmail)).toEqual(['officer.kul@payung.test']);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    expect((await list({ action: 'case.create', from: today, to: today })).rows.length).toBeGreaterThan(0);
    expect((await list({ action: 'case.create', to: '2000-01-01' })).rows).toEqual([]);
  });

  it('page by id, keeping the filter', async () => {
    const all = (await list({ caseRef: caseA.reference })).rows;
    expect((await list({ caseRef: caseA.reference }, all[1]!.id)).rows.map((r) => r.id)).toEqual(all.slice(2).map((r) => r.id));
  });
});
