import { jsonResult } from '@/lib/http';
import { exportSummary } from '@/lib/reports/actions';
import { tablesZip } from '@/lib/reports/csv';
import { summaryTables } from '@/lib/reports/tables';

export const dynamic = 'force-dynamic';

/** `/api/reports?period=2026-10&scope=KUL&format=csv`: the summary's tables, one CSV each, in a ZIP. */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams;
  const result = await exportSummary({ period: q.get('period') ?? '', scope: q.get('scope') ?? 'all', format: q.get('format') ?? 'csv' });
  if (!result.ok) return jsonResult(result);
  const name = `payung-${result.data.period}-${result.data.scope.kind === 'all' ? 'all' : result.data.scope.code}`.replace(/[^A-Za-z0-9.-]/g, '_');
  return new Response(Buffer.from(tablesZip(summaryTables(result.data), name)), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${name}.zip"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
