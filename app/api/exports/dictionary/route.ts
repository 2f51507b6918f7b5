import { getLocale, getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/actor';
import { can } from '@/lib/authz';
import { downloadHeaders } from '@/lib/http';
import { caseListColumns } from '@/lib/domain/case-list-columns';
import { languageOf } from '@/lib/i18n/locale';
import { caseListDictionary } from '@/lib/reports/case-list-labels';
import { tableCsv } from '@/lib/reports/csv';

export const dynamic = 'force-dynamic';

/**
 * `/api/exports/dictionary`: the data dictionary of case-list CSV files, in the reader's
 * language — every column with its code name, meaning and codes. Its own file, so that the case
 * list stays one CSV that any spreadsheet or script opens; a workbook carries it as a sheet.
 */
export async function GET() {
  const actor = await getActor();
  if (!actor) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(actor, 'case:export')) return Response.json({ error: 'not_found' }, { status: 404 });
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const dictionary = caseListDictionary(t as never, caseListColumns);
  const body = tableCsv({ name: 'dictionary', columns: dictionary.headers, rows: dictionary.rows });
  return new Response(body, { headers: downloadHeaders('text/csv; charset=utf-8', `payung-cases-dictionary-${languageOf(locale)}.csv`) });
}
