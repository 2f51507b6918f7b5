import { getTranslations } from 'next-intl/server';
import { missionName } from '@/app/_components/mission-name';
import { getDb } from '@/db';
import { listMissionsInScope } from '@/db/queries/missions';
import { getActor } from '@/lib/auth/actor';
import { can } from '@/lib/authz';
import { jsonResult } from '@/lib/http';
import type { Translate } from '@/lib/import/messages';
import { TEMPLATE_FILE_NAME, templateCsv, templateWorkbook } from '@/lib/import/template-file';

export const dynamic = 'force-dynamic';

const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

/**
 * `/api/imports/template?format=xlsx|csv`: the legacy-log template with an example case; the
 * workbook adds a sheet of every code with its meaning in the user's language, and the
 * missions the user may import into. For those who may import only, like the upload.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return jsonResult({ ok: false, code: 'unauthenticated', error: 'errors.unauthenticated' });
  if (!can(actor, 'case:import')) return jsonResult({ ok: false, code: 'forbidden', error: 'errors.forbidden' });
  const format = new URL(request.url).searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
  const [t, missions] = await Promise.all([getTranslations(), getDb().then((db) => listMissionsInScope(db, actor))]);
  const translate = t as unknown as Translate;
  const inScope = missions.map((m) => ({ code: m.code, name: missionName(translate, m) }));
  const body = format === 'csv' ? templateCsv(translate, inScope) : new Uint8Array(await templateWorkbook(translate, inScope));
  return new Response(body, {
    headers: {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="${TEMPLATE_FILE_NAME}.${format}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
