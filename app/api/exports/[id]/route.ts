import { Readable } from 'node:stream';
import { getDb } from '@/db';
import { appendAudit } from '@/db/queries/audit';
import { ownExportFile } from '@/db/queries/exports';
import { getActor } from '@/lib/auth/actor';
import { can } from '@/lib/authz';
import { openFile } from '@/lib/documents/store';
import { downloadHeaders } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** `/api/exports/<id>`: a prepared file, to its owner only; a case list's download is on the audit trail. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  const { id } = await params;
  const db = await getDb();
  const file = can(actor, 'report:read') ? await ownExportFile(db, actor, id) : null;
  if (!file) return Response.json({ error: 'not_found' }, { status: 404 });
  if (file.kind === 'case_list') await appendAudit(db, actor, { action: 'case.export_list_download', entityType: 'export', entityId: id });
  return new Response(Readable.toWeb(openFile(file.storageKey)) as ReadableStream, { headers: downloadHeaders(file.contentType, file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')) });
}
