import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/actor';
import { heavyWork } from '@/lib/heavy';
import { busyResult, downloadHeaders, jsonResult } from '@/lib/http';
import { exportSummary } from '@/lib/reports/actions';
import { REPORT_FILES, type ReportFormat, renderSummary, reportFileName } from '@/lib/reports/render';
import { suppressionThreshold } from '@/lib/reports/suppress';

export const dynamic = 'force-dynamic';

/**
 * `/api/reports?period=2026-10&scope=KUL&format=csv|xlsx|pdf`: the summary's tables in the user's
 * language, as CSV files in a ZIP with their data dictionary, a workbook or a printable A4 report.
 * Scheduled jobs wanting codes use `npm run report -- --codes`.
 */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams;
  const requested = q.get('format');
  const format: ReportFormat = requested === 'xlsx' || requested === 'pdf' ? requested : 'csv';
  const outside = q.get('outside') === '1';
  const asked = { period: q.get('period') ?? '', scope: q.get('scope') ?? 'all', format, outside };
  const actor = await getActor();
  // Counted in a heavy-work slot, so a burst of long summaries never holds up other requests.
  const result = actor?.id ? await heavyWork(actor.id, () => exportSummary(asked)).catch(busyResult) : await exportSummary(asked);
  if (!result.ok) return jsonResult(result);
  const [t, f, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const body = await renderSummary(
    result.data,
    format,
    { t: t as never, number: (n) => f.number(n), now: f.dateTime(new Date(), { dateStyle: 'medium', timeStyle: 'short' }), locale },
    outside ? suppressionThreshold() : undefined,
  );
  return new Response(new Uint8Array(body), { headers: downloadHeaders(REPORT_FILES[format].type, `${reportFileName(result.data, outside)}.${REPORT_FILES[format].extension}`) });
}
