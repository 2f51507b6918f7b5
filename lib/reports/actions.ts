import 'server-only';
import { summaryFor } from '@/db/queries/month-locks';
import { createAction } from '@/lib/action';
import { parsePeriod } from '@/lib/domain/periods';
import { parseScope, reportRequestSchema } from '@/lib/validation/reports';

/** A summary for a download (a locked month as submitted): counts only, and the export is on the audit trail with its period and scope. */
export const exportSummary = createAction('report.export', { permission: 'report:read', schema: reportRequestSchema }, async (input, { actor, tx }) => {
  const summary = await summaryFor(tx, actor, parsePeriod(input.period)!, parseScope(input.scope)!);
  return { data: summary, audit: { entityType: 'report', details: { period: input.period, scope: input.scope, format: input.format, outside: input.outside } } };
});
