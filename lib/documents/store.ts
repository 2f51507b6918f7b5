import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/db';

/**
 * Where attached files are kept: DOCUMENTS_DIR, else documents/ in the data folder. Never
 * under public/: files leave only through the download route, which checks who asks.
 */
export function documentsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DOCUMENTS_DIR || path.join(dataDir(), 'documents'));
}

function pathOf(storageKey: string): string {
  if (!/^[0-9a-f-]{36}$/.test(storageKey)) throw new Error('bad storage key');
  return path.join(documentsDir(), storageKey.slice(0, 2), storageKey);
}

export async function storeFile(bytes: Uint8Array): Promise<{ storageKey: string; sha256: string }> {
  const storageKey = randomUUID();
  const target = pathOf(storageKey);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  await fs.promises.writeFile(target, bytes, { flag: 'wx', mode: 0o600 });
  return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function removeFile(storageKey: string): Promise<void> {
  await fs.promises.rm(pathOf(storageKey), { force: true });
}

export function openFile(storageKey: string): fs.ReadStream {
  return fs.createReadStream(pathOf(storageKey));
}

/** A new key and the place to write its file in pieces (a long export), its folder made. */
export async function newStoredFile(): Promise<{ storageKey: string; path: string }> {
  const storageKey = randomUUID();
  const target = pathOf(storageKey);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  return { storageKey, path: target };
}
