import { Readable } from 'node:stream';
import { downloadDocument } from '@/lib/documents/actions';
import { openFile } from '@/lib/documents/store';
import { jsonResult } from '@/lib/http';

/** A document, to those who may see its case; each download is recorded on the case's timeline and in the audit trail. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await downloadDocument({ id });
  if (!result.ok) return jsonResult(result);
  const doc = result.data;
  const body = Readable.toWeb(openFile(doc.storageKey)) as ReadableStream;
  return new Response(body, {
    headers: {
      'Content-Type': doc.mimeType,
      'Content-Length': String(doc.size),
      // Always a download, never rendered in our origin: an uploaded file cannot run as a page here.
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
