'use server';

import { countCaseExport } from '@/db/queries/case-export';
import { requestExport } from '@/db/queries/exports';
import { createAction } from '@/lib/action';
import { isQueueView } from '@/lib/domain/queues';
import { AppError } from '@/lib/errors';
import { kickExports } from '@/lib/exports/runner';
import { caseListExportSchema, summaryExportSchema } from '@/lib/validation/exports';
import { parseQueueQuery, queueQueryString } from '@/lib/validation/queues';

const queueSummary = createAction('report.export_requested', { permission: 'report:read', schema: summaryExportSchema }, async (input, { actor, tx }) => {
  const { id } = await requestExport(tx, actor, 'summary', input);
  return { data: { id }, audit: { entityType: 'export', entityId: id, details: input } };
});

/**
 * A raw list of cases leaves the system with names in it: it is its own permission, and the
 * audit row keeps the filter (as re-read here, never as sent), the columns and how many cases.
 */
const queueCaseList = createAction('case.export_list', { permission: 'case:export', schema: caseListExportSchema }, async (input, { actor, tx }) => {
  if (input.view && !isQueueView(input.view)) throw new AppError('invalid', 'errors.invalid', { view: ['validation.invalid'] });
  const { filter } = parseQueueQuery(Object.fromEntries(new URLSearchParams(input.query)), input.view);
  const request = { view: filter.view, query: queueQueryString(filter, { after: undefined }), columns: input.columns, format: input.format, codes: input.codes === true };
  const cases = await countCaseExport(tx, actor, filter);
  if (cases === 0) throw new AppError('invalid', 'exports.caseList.nothing');
  const { id } = await requestExport(tx, actor, 'case_list', request);
  return { data: { id }, audit: { entityType: 'export', entityId: id, details: { ...request, cases } } };
});

/** Queues a summary file; it is made in the background and appears under "My exports". */
export async function requestSummaryExport(raw: unknown) {
  const result = await queueSummary(raw);
  if (result.ok) kickExports();
  return result;
}

/** Queues a case list of a queue's filter with the chosen columns. */
export async function requestCaseListExport(raw: unknown) {
  const result = await queueCaseList(raw);
  if (result.ok) kickExports();
  return result;
}
