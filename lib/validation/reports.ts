import { z } from './zod';
import type { SummaryScope } from '@/db/queries/summary';
import { parsePeriod } from '@/lib/domain/periods';

/** "all", a mission code ("KUL") or a country code ("MY"), as typed in URLs and on the command line. */
export function parseScope(value: string): SummaryScope | null {
  const v = value.trim();
  if (v.toLowerCase() === 'all') return { kind: 'all' };
  if (/^[A-Za-z]{3}$/.test(v)) return { kind: 'mission', code: v.toUpperCase() };
  if (/^[A-Za-z]{2}$/.test(v)) return { kind: 'country', code: v.toUpperCase() };
  return null;
}

export const scopeText = (s: SummaryScope) => (s.kind === 'all' ? 'all' : s.code);

export const reportFormats = ['csv', 'xlsx', 'pdf'] as const;

export const reportRequestSchema = z.object({
  period: z.string().refine((v) => parsePeriod(v) !== null, 'validation.period'),
  scope: z.string().refine((v) => parseScope(v) !== null, 'validation.scopeUnknown'),
  format: z.enum(reportFormats),
  /** meant for outside the ministry: small counts suppressed */
  outside: z.boolean(),
});

/** The month an officer in charge locks, always of their own mission. */
export const lockMonthSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.month'),
});
