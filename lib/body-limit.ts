import type { IncomingHttpHeaders } from 'node:http';
import { MAX_DOCUMENT_BYTES } from './documents/limits';
import { MAX_IMPORT_BYTES } from './import/template';

/** What a form may send: server actions (Next.js's own limit is the same), sign-in, anything else. */
export const FORM_BODY_BYTES = 1024 * 1024;
/** Room for a multipart upload's boundaries and fields beside its file. */
const MULTIPART_ROOM = 64 * 1024;

/** The largest body a request to `path` may carry. */
export function bodyLimit(path: string): number {
  if (/^\/api\/cases\/[^/]+\/documents\/?$/.test(path)) return MAX_DOCUMENT_BYTES + MULTIPART_ROOM;
  if (/^\/api\/imports\/?$/.test(path)) return MAX_IMPORT_BYTES + MULTIPART_ROOM;
  return FORM_BODY_BYTES;
}

export type BodyRefusal = { status: 411 | 413; message: string };

const WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request is refused for its body before any of it is read: over the limit of its
 * path by its Content-Length (413), or with a body of unstated length (411; browsers state it
 * for every form and upload Payung makes). Answered by the server hook (lib/peer-hook.ts)
 * before Next.js buffers anything.
 */
export function refuseBody(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): BodyRefusal | null {
  if (WITHOUT_BODY.has((method ?? 'GET').toUpperCase())) return null;
  const length = headers['content-length'];
  if (length === undefined) {
    return headers['transfer-encoding'] ? { status: 411, message: 'A request with a body must state its length. / Permintaan dengan isi harus menyebutkan panjangnya.' } : null;
  }
  const path = (url ?? '/').split('?')[0]!;
  const limit = bodyLimit(path);
  if (!/^\d+$/.test(length) || Number(length) > limit) {
    const mb = Math.floor(limit / (1024 * 1024));
    return { status: 413, message: `The request is too large: at most ${mb} MB. / Permintaan terlalu besar: paling banyak ${mb} MB.` };
  }
  return null;
}
