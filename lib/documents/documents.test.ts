import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DbHandle, setHandle } from '@/db';
import { createCase } from '@/db/queries/cases';
import { listDocuments } from '@/db/queries/documents';
import { auditEvents, caseEvents, caseParties, persons } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { checkFile, cleanFileName } from './file-check';
import { intakeFacts } from '@/lib/testing/intake';

const current: { actor: Actor | null } = { actor: null };
vi.mock('@/lib/auth/actor', () => ({ getActor: async () => current.actor }));
const { uploadDocument, downloadDocument } = await import('./actions');

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const HTML = new TextEncoder().encode('<html><script>alert(1)</script></html>');

describe('checking files by their content', () => {
  it('accepts PDF and PNG, whatever they are called, and refuses the rest', async () => {
    expect(await checkFile(PDF)).toEqual({ ok: true, mimeType: 'application/pdf' });
    expect(await checkFile(PNG)).toEqual({ ok: true, mimeType: 'image/png' });
    expect(await checkFile(HTML)).toEqual({ ok: false, error: 'validation.fileType' });
    expect(await checkFile(new Uint8Array())).toEqual({ ok: false, error: 'validation.fileEmpty' });
    expect(await checkFile(new Uint8Array(20 * 1024 * 1024 + 1))).toEqual({ ok: false, error: 'validation.fileTooLarge' });
  });
  it('keeps only the last part of a file name, without control characters or quotes', () => {
    expect(cleanFileName('C:\\scans\\pas"por\u0000t.pdf')).toBe('pasport.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    // Direction controls that would show "invoice\u202Egpj.exe" as "invoiceexe.jpg".
    expect(cleanFileName('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(cleanFileName('\u2066a\u2067b\u2068c\u2069\u202Ad\u202Be\u202Cf\u202Dg\u200Fh.pdf')).toBe('abcdefgh.pdf');
  });
});

describe.each(testDatabaseKinds())('documents on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  let jed: Actor;
  let caseId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payung-docs-'));
  beforeAll(async () => {
    process.env.DOCUMENTS_DIR = dir;
    h = await openTestDatabase(kind);
    setHandle(h);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
    jed = await officerActor(h.db, 'officer.jed@payung.test');
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Doc Subject' }] });
    caseId = (await h.db.transaction((tx) => createCase(tx, kul, input))).id;
  });
  afterAll(() => h?.close());

  const file = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);

  it('stores a checked file, lists it, and keeps its name out of the audit trail', async () => {
    current.actor = kul;
    const result = await uploadDocument({ caseId, partyId: '', kind: 'passport', file: file(PDF, 'paspor Sri Wahyuni.pdf') });
    expect(result).toMatchObject({ ok: true });
    const docs = await listDocuments(h.db, caseId);
    expect(docs).toMatchObject([{ fileName: 'paspor Sri Wahyuni.pdf', mimeType: 'application/pdf', size: PDF.byteLength, kind: 'passport' }]);
    const audit = await h.db.select({ details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.action, 'document.upload'));
    expect(JSON.stringify(audit)).not.toContain('Sri Wahyuni');
    // Nor on the timeline, which everyone on the case reads: the kind of document only.
    const events = await h.db.select({ kind: caseEvents.kind, data: caseEvents.data }).from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.find((e) => e.kind === 'document_added')?.data).toEqual({ kind: 'passport' });
    expect(JSON.stringify(events)).not.toContain('Sri Wahyuni');
  });

  it('refuses a file that is not what it claims, and stores nothing', async () => {
    current.actor = kul;
    const before = fs.readdirSync(dir, { recursive: true }).length;
    const result = await uploadDocument({ caseId, partyId: '', kind: 'passport', file: file(HTML, 'passport.pdf') });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { file: ['validation.fileType'] } });
    expect(fs.readdirSync(dir, { recursive: true }).length).toBe(before);
  });

  it('keeps another mission out: no upload, no download; each download is recorded', async () => {
    current.actor = jed;
    const refused = await uploadDocument({ caseId, partyId: '', kind: 'photo', file: file(PNG, 'x.png') });
    expect(refused).toMatchObject({ ok: false, code: 'not_found' });
    const [doc] = await listDocuments(h.db, caseId);
    expect(await downloadDocument({ id: doc!.id })).toMatchObject({ ok: false, code: 'not_found' });

    current.actor = kul;
    const ok = await downloadDocument({ id: doc!.id });
    expect(ok).toMatchObject({ ok: true, data: { mimeType: 'application/pdf' } });
    const kinds = (await h.db.select({ kind: caseEvents.kind }).from(caseEvents).where(eq(caseEvents.caseId, caseId))).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'document_downloaded')).toHaveLength(1);
    expect(JSON.stringify(await h.db.select({ data: caseEvents.data }).from(caseEvents).where(eq(caseEvents.caseId, caseId)))).not.toContain('Sri Wahyuni');

    current.actor = actorOf('admin');
    expect(await downloadDocument({ id: doc!.id })).toMatchObject({ ok: false, code: 'forbidden' });
  });
  it('leaves file names out of the case’s lists once an identity on the case is undisclosed', async () => {
    expect((await listDocuments(h.db, caseId))[0]!.fileName).toBe('paspor Sri Wahyuni.pdf');
    const [party] = await h.db.select({ personId: caseParties.personId }).from(caseParties).where(eq(caseParties.caseId, caseId));
    await h.db.update(persons).set({ isIdentityUndisclosed: true }).where(eq(persons.id, party!.personId));
    const [doc] = await listDocuments(h.db, caseId);
    expect(doc).toMatchObject({ fileName: null, kind: 'passport' });
    // The download, recorded on the case, still carries the name.
    current.actor = kul;
    expect(await downloadDocument({ id: doc!.id })).toMatchObject({ ok: true, data: { fileName: 'paspor Sri Wahyuni.pdf' } });
  });
});
