import 'server-only';
import { requiredChoice, z } from '@/lib/validation/zod';
import { addDocument, openDocumentForDownload } from '@/db/queries/documents';
import { documentKinds } from '@/lib/domain/cases';
import { createAction } from '@/lib/action';
import { AppError } from '@/lib/errors';
import { checkFile, cleanFileName } from './file-check';
import { removeFile, storeFile } from './store';

export const uploadDocumentSchema = z.object({
  caseId: z.uuid(),
  partyId: z.union([z.uuid(), z.literal('')]),
  kind: requiredChoice(documentKinds),
  file: z.instanceof(File, { message: 'validation.fileEmpty' }),
});

/**
 * Checks the bytes (not the name), stores them, and records the document; if the record
 * cannot be written, the stored bytes are removed again.
 */
export const uploadDocument = createAction('document.upload', { permission: 'case:update', schema: uploadDocumentSchema }, async (input, { actor, tx }) => {
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const check = await checkFile(bytes);
  if (!check.ok) throw new AppError('invalid', 'errors.invalid', { file: [check.error] });
  const { storageKey, sha256 } = await storeFile(bytes);
  try {
    const { id } = await addDocument(tx, actor, {
      caseId: input.caseId,
      partyId: input.partyId || null,
      kind: input.kind,
      fileName: cleanFileName(input.file.name),
      size: bytes.byteLength,
      mimeType: check.mimeType,
      sha256,
      storageKey,
    });
    // The file name may name a person: the audit keeps kind, size and checksum.
    return { data: { id }, audit: { entityType: 'document', entityId: id, details: { caseId: input.caseId, kind: input.kind, size: bytes.byteLength, sha256 } } };
  } catch (e) {
    await removeFile(storageKey);
    throw e;
  }
});

export const downloadDocument = createAction('document.download', { permission: 'case:read', schema: z.object({ id: z.uuid() }) }, async (input, { actor, tx }) => {
  const doc = await openDocumentForDownload(tx, actor, input.id);
  return { data: doc, audit: { entityType: 'document', entityId: input.id, details: { caseId: doc.caseId, kind: doc.kind } } };
});
