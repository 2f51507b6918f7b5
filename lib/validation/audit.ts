import { type AuditAction, isAuditAction } from '@/lib/domain/audit';

/** What the auditor's page filters by; every part optional. `identity_seen` is the reveals, identity matches and downloads together. */
export interface AuditFilter {
  caseRef?: string;
  pseudonym?: string;
  user?: string;
  action?: AuditAction | 'identity_seen';
  /** local dates (the auditor's time zone), both included */
  from?: string;
  to?: string;
}

export type AuditFilterErrors = Partial<Record<'from' | 'to', string>>;

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/**
 * The audit page's address as it may be read, whatever was typed into it: the first of a
 * repeated parameter, control characters dropped, texts trimmed and cut at 100 characters, an
 * unknown action ignored, a date that is not one answered with a message. Never throws.
 */
export function readAuditQuery(raw: Record<string, string | string[] | undefined>): { filter: AuditFilter; before?: number; errors: AuditFilterErrors; typed: Record<string, string> } {
  const typed: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const first = (Array.isArray(v) ? v[0] : v)?.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 100);
    if (first) typed[k] = first;
  }
  const filter: AuditFilter = {};
  const errors: AuditFilterErrors = {};
  if (typed.caseRef) filter.caseRef = typed.caseRef.toUpperCase();
  if (typed.pseudonym) filter.pseudonym = typed.pseudonym.toUpperCase();
  if (typed.user) filter.user = typed.user;
  if (typed.action && (typed.action === 'identity_seen' || isAuditAction(typed.action))) filter.action = typed.action;
  for (const key of ['from', 'to'] as const) {
    const value = typed[key];
    if (!value) continue;
    if (isDate(value)) filter[key] = value;
    else errors[key] = 'validation.dateReal';
  }
  if (filter.from && filter.to && filter.from > filter.to) errors.to = 'validation.audit.toBeforeFrom';
  if (errors.to) delete filter.to;
  const before = Number(typed.before);
  return { filter, before: Number.isSafeInteger(before) && before > 0 ? before : undefined, errors, typed };
}

/** The filter as an address's parameters (for the next page). */
export function auditQueryString(filter: AuditFilter, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}
