import { fileTypeFromBuffer } from 'file-type';

import { ALLOWED_TYPES, MAX_DOCUMENT_BYTES } from './limits';

export { ALLOWED_TYPES, MAX_DOCUMENT_BYTES } from './limits';

export type FileCheck = { ok: true; mimeType: string } | { ok: false; error: 'validation.fileEmpty' | 'validation.fileTooLarge' | 'validation.fileType' };

export async function checkFile(bytes: Uint8Array): Promise<FileCheck> {
  if (bytes.byteLength === 0) return { ok: false, error: 'validation.fileEmpty' };
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return { ok: false, error: 'validation.fileTooLarge' };
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(ALLOWED_TYPES as readonly string[]).includes(detected.mime)) return { ok: false, error: 'validation.fileType' };
  return { ok: true, mimeType: detected.mime };
}

/** A file name safe to show and to send back in Content-Disposition. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // Control characters, quotes, and the Unicode direction controls that make "gpj.exe" read as "exe.jpg".
  const cleaned = base.replace(/[\u0000-\u001f\u007f"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim().slice(0, 200);
  return cleaned || 'file';
}
