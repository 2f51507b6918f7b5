import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { jsonResult } from '@/lib/http';
import { exportSummary } from '@/lib/reports/actions';
import { REPORT_FILES, type ReportFormat, renderSummary, reportFileName } from '@/lib/reports/render';
import { suppressionThreshold } from '@/lib/reports/suppress';

export const dynamic = 'force-dynamic';

/**
 * `/api/reports?period=2026-10&scope=KUL&format=csv|xlsx|pdf`: the summary's tables, as CSV
 * files in a ZIP (codes, for scheduled jobs), a workbook or a printable A4 report (in the user's language).
 */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams;
  const requested = q.get('format');
  const format: ReportFormat = requested === 'xlsx' || requested === 'pdf' ? requested : 'csv';
  const outside = q.get('outside') === '1';
  const result = await exportSummary({ period: q.get('period') ?? '', scope: q.get('scope') ?? 'all', format, outside });
  if (!result.ok) return jsonResult(result);
  const [t, f, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const body = await renderSummary(
    result.data,
    format,
    { t: t as never, number: (n) => f.number(n), now: f.dateTime(new Date(), { dateStyle: 'medium', timeStyle: 'short' }), locale },
    outside ? suppressionThreshold() : undefined,
  );
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': REPORT_FILES[format].type,
      'Content-Disposition': `attachment; filename="${reportFileName(result.data, outside)}.${REPORT_FILES[format].extension}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
