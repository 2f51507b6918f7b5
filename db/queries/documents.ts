import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { AppError, notFound } from '@/lib/errors';
import type { Conn } from '../index';
import { caseParties, cases, documents, missions, users } from '../schema';
import { addCaseEvent } from './case-timeline';

export type DocumentKind = (typeof documents.$inferInsert)['kind'];

export interface NewDocument {
  caseId: string;
  partyId: string | null;
  kind: DocumentKind;
  fileName: string;
  size: number;
  mimeType: string;
  sha256: string;
  storageKey: string;
}

/**
 * Records a stored file on a case the actor may change. A file's name can name a person
 * ("paspor Sri Wahyuni.pdf"): it is identity data of the case, so the timeline and the audit
 * say only the kind of document.
 */
export async function addDocument(conn: Conn, actor: Actor, doc: NewDocument): Promise<{ id: string }> {
  assertCan(actor, 'case:update');
  const [c] = await conn
    .select({ id: cases.id, status: cases.status })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(cases.id, doc.caseId), missionScope(actor, cases.missionId, missions.country)));
  if (!c) throw notFound();
  if (c.status === 'closed') throw new AppError('invalid', 'errors.caseClosed');
  if (doc.partyId) {
    const [p] = await conn.select({ id: caseParties.id }).from(caseParties).where(and(eq(caseParties.id, doc.partyId), eq(caseParties.caseId, doc.caseId)));
    if (!p) throw new AppError('invalid', 'errors.invalid', { partyId: ['validation.invalid'] });
  }
  const [row] = await conn.insert(documents).values({ ...doc, uploadedById: actor.id }).returning({ id: documents.id });
  await addCaseEvent(conn, doc.caseId, actor.id, 'document_added', { kind: doc.kind });
  return { id: row!.id };
}

/**
 * A document's file name as a case page may show it: null on a case with an undisclosed
 * identity, where a name can give the person away ("paspor Sri Wahyuni.pdf"). The download
 * still carries the name, and is recorded on the case.
 */
export const shownFileName = sql<string | null>`CASE WHEN EXISTS (
    SELECT 1 FROM case_parties hp JOIN persons hpp ON hpp.id = hp.person_id
    WHERE hp.case_id = ${documents.caseId} AND hpp.is_identity_undisclosed) THEN NULL ELSE ${documents.fileName} END`;

export interface DocumentItem {
  id: string;
  kind: DocumentKind;
  /** null where the case holds an undisclosed identity (shownFileName) */
  fileName: string | null;
  size: number;
  mimeType: string;
  uploadedAt: Date;
  uploadedByName: string | null;
  partyPseudonym: string | null;
}

/** A case's documents. The caller has already shown the case is visible (getCase). */
export async function listDocuments(conn: Conn, caseId: string): Promise<DocumentItem[]> {
  return conn
    .select({
      id: documents.id,
      kind: documents.kind,
      fileName: shownFileName,
      size: documents.size,
      mimeType: documents.mimeType,
      uploadedAt: documents.uploadedAt,
      uploadedByName: users.name,
      partyPseudonym: caseParties.pseudonym,
    })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.uploadedById))
    .leftJoin(caseParties, eq(caseParties.id, documents.partyId))
    .where(eq(documents.caseId, caseId))
    .orderBy(desc(documents.uploadedAt));
}

/**
 * The file names of a case's documents, asked for on a case with an undisclosed identity (where
 * the page shows documents by kind): to whoever may see the case, recorded on its access log.
 */
export async function revealFileNames(conn: Conn, actor: Actor, caseId: string): Promise<{ id: string; fileName: string }[]> {
  assertCan(actor, 'case:read');
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw notFound();
  const [visible] = await conn
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(cases.id, caseId), missionScope(actor, cases.missionId, missions.country)));
  if (!visible) throw notFound();
  const names = await conn.select({ id: documents.id, fileName: documents.fileName }).from(documents).where(eq(documents.caseId, caseId));
  await addCaseEvent(conn, caseId, actor.id, 'file_names_revealed', { count: names.length });
  return names;
}

/** A document the actor may read, with the download recorded on the case's timeline. */
export async function openDocumentForDownload(conn: Conn, actor: Actor, id: string) {
  assertCan(actor, 'case:read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const [doc] = await conn
    .select({ caseId: documents.caseId, fileName: documents.fileName, mimeType: documents.mimeType, size: documents.size, storageKey: documents.storageKey, kind: documents.kind })
    .from(documents)
    .innerJoin(cases, eq(cases.id, documents.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(documents.id, id), missionScope(actor, cases.missionId, missions.country)));
  if (!doc) throw notFound();
  await addCaseEvent(conn, doc.caseId, actor.id, 'document_downloaded', { kind: doc.kind });
  return doc;
}
