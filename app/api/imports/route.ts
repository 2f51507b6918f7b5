import { randomUUID } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { appendAudit } from '@/db/queries/audit';
import { importCases } from '@/db/queries/import';
import { getActor } from '@/lib/auth/actor';
import { can } from '@/lib/authz';
import { AppError, forLog } from '@/lib/errors';
import { jsonResult } from '@/lib/http';
import { foreignOrigin, isSameOrigin } from '@/lib/same-origin';
import { type Translate, importView } from '@/lib/import/messages';
import { UnreadableFileError, readImportFile } from '@/lib/import/read';
import { MAX_IMPORT_BYTES } from '@/lib/import/template';

export const dynamic = 'force-dynamic';

const invalid = (message: string) => jsonResult({ ok: false, code: 'invalid', error: 'errors.invalid', fieldErrors: { file: [message] } });

/**
 * Upload of a legacy case log (multipart: file, mode = check | import, skipInvalid = on).
 * A route handler rather than a server action: files up to 20 MB, and an import written in
 * many transactions whose progress is streamed as it goes — one JSON object a line
 * (`{"progress":{"done","total"}}`), the last the result. An import left running goes on
 * when the page is closed; each batch is whole, and importing the file again completes it.
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return jsonResult(foreignOrigin);
  const actor = await getActor();
  if (!actor) return jsonResult({ ok: false, code: 'unauthenticated', error: 'errors.unauthenticated' });
  const db = await getDb();
  if (!can(actor, 'case:import')) {
    await appendAudit(db, actor, { action: 'case.import', details: { refused: 'forbidden' } }).catch(() => {});
    return jsonResult({ ok: false, code: 'forbidden', error: 'errors.forbidden' });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return invalid('import.fileRequired');
  }
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return invalid('import.fileRequired');
  if (file.size > MAX_IMPORT_BYTES) return invalid('import.fileTooLarge');
  let sheet;
  try {
    sheet = await readImportFile(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (e) {
    if (e instanceof UnreadableFileError) return invalid('import.problems.unreadable');
    throw e;
  }
  const t = (await getTranslations()) as unknown as Translate;
  const dryRun = form.get('mode') !== 'import';
  const skipInvalid = form.get('skipInvalid') === 'on';

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (message: unknown) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
        } catch {
          // The page went away: the import goes on without it.
        }
      };
      try {
        const result = await importCases(db, actor, sheet, { fileName: file.name, dryRun, skipInvalid, via: 'upload', onProgress: (done, total) => send({ progress: { done, total } }) });
        send({ ok: true, data: importView(t, sheet, file.name, result) });
      } catch (e) {
        if (e instanceof AppError) send({ ok: false, code: e.code, error: e.messageKey });
        else {
          const requestId = randomUUID();
          console.error(`[payung] import failed (request ${requestId}): ${forLog(e)}`);
          send({ ok: false, code: 'unexpected', error: 'errors.unexpected', details: { requestId } });
        }
      }
      try {
        controller.close();
      } catch {
        // already closed by the reader
      }
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' } });
}
