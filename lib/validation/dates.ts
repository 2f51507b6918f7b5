import { z } from './zod';

/** A memorable date typed as day, month and year (GOV.UK pattern); all empty means "not known". */
export const dateParts = z.object({ day: z.string().trim(), month: z.string().trim(), year: z.string().trim() });
export type DateParts = z.infer<typeof dateParts>;

export const emptyDate: DateParts = { day: '', month: '', year: '' };

export function isEmptyDate(p: DateParts): boolean {
  return !p.day && !p.month && !p.year;
}

/** YYYY-MM-DD, or null when the parts are empty or do not make a real date. */
export function toIsoDate(p: DateParts): string | null {
  if (!/^\d{1,2}$/.test(p.day) || !/^\d{1,2}$/.test(p.month) || !/^\d{4}$/.test(p.year)) return null;
  const [d, m, y] = [Number(p.day), Number(p.month), Number(p.year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function fromIsoDate(iso: string | null | undefined): DateParts {
  if (!iso) return emptyDate;
  const [y, m, d] = iso.split('-');
  return { day: String(Number(d)), month: String(Number(m)), year: y ?? '' };
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * A date that may be empty; when given it must be real, not in the future, and not before
 * `earliestYear`. Messages are i18n keys.
 */
export function pastDate(opts: { required?: boolean; earliestYear?: number } = {}) {
  return dateParts.superRefine((p, ctx) => {
    if (isEmptyDate(p)) {
      if (opts.required) ctx.addIssue({ code: 'custom', message: 'validation.dateRequired' });
      return;
    }
    const iso = toIsoDate(p);
    if (!iso) return void ctx.addIssue({ code: 'custom', message: 'validation.dateReal' });
    if (iso > todayIso()) return void ctx.addIssue({ code: 'custom', message: 'validation.dateFuture' });
    if (Number(p.year) < (opts.earliestYear ?? 1900)) ctx.addIssue({ code: 'custom', message: 'validation.datePlausible' });
  });
}

/**
 * An event's date (when it happened) from a date picker: `YYYY-MM-DD` or empty, real, not in
 * the future, not before `earliestYear`. Memorable dates (birth) stay as three boxes
 * (pastDate); a draft saved when this was three boxes still reads.
 */
export function pastEventDate(opts: { earliestYear?: number } = {}) {
  return z.preprocess(
    (v) => (v && typeof v === 'object' ? (isEmptyDate(v as DateParts) ? '' : (toIsoDate(v as DateParts) ?? 'not-a-date')) : v),
    z.string().trim().superRefine((iso, ctx) => {
      if (!iso) return;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || toIsoDate(fromIsoDate(iso)) !== iso) return void ctx.addIssue({ code: 'custom', message: 'validation.dateReal' });
      if (iso > todayIso()) return void ctx.addIssue({ code: 'custom', message: 'validation.dateFuture' });
      if (Number(iso.slice(0, 4)) < (opts.earliestYear ?? 1900)) ctx.addIssue({ code: 'custom', message: 'validation.datePlausible' });
    }),
  );
}
