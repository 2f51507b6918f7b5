import { z } from './zod';
import { caseListColumns } from '@/lib/domain/case-list-columns';
import { reportRequestSchema } from './reports';

/** A summary prepared in the background: the same request as a direct download. */
export const summaryExportSchema = reportRequestSchema;
export type SummaryExportRequest = z.output<typeof summaryExportSchema>;

/**
 * A case list: the queue's view and filters (its URL query), the columns ticked, the file type,
 * and whether it is for machines (code headers and values) rather than people (labels, the default).
 */
export const caseListExportSchema = z.object({
  view: z.string().max(40).optional(),
  query: z.string().max(2_000),
  columns: z.array(z.enum(caseListColumns), 'validation.columnsNone').min(1, 'validation.columnsNone'),
  format: z.enum(['csv', 'xlsx']),
  codes: z.boolean().optional(),
});
export type CaseListExportRequest = z.output<typeof caseListExportSchema>;
