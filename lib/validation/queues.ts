import { z } from './zod';
import { caseClasses, caseStatuses, categoryCodes, riskLevels, allSubcategories } from '@/lib/domain/cases';
import { type QueueSort, type QueueView, isQueueView, queueSorts } from '@/lib/domain/queues';

/** A queue's filters as they live in the URL (`/queues/overdue_steps?mission=KUL&category=labour`). */
export interface QueueFilter {
  view?: QueueView;
  mission?: string;
  country?: string;
  region?: string;
  category?: string;
  subcategory?: string;
  caseClass?: string;
  status?: string;
  risk?: string;
  /** an officer's id, or "none" for unassigned */
  officer?: string;
  openedFrom?: string;
  openedTo?: string;
  child?: boolean;
  detained?: boolean;
  sort: QueueSort;
  dir: 'asc' | 'desc';
  after?: string;
}

/** The URL parameters a filter is written to and read from, in the order they are written. */
export const FILTER_KEYS = ['mission', 'country', 'region', 'category', 'subcategory', 'caseClass', 'status', 'risk', 'officer', 'openedFrom', 'openedTo', 'child', 'detained'] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = (list: readonly string[], v: string | undefined) => (v && list.includes(v) ? v : undefined);

/**
 * Reads a queue's filters from URL parameters. A URL may be old, shared or typed by hand:
 * a value that is not one of ours is dropped and reported as a problem (by parameter name),
 * never an error page.
 */
export function parseQueueQuery(params: Record<string, string | string[] | undefined>, view?: string): { filter: QueueFilter; problems: string[] } {
  const get = (k: string) => {
    const v = params[k];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    return s ? s : undefined;
  };
  const problems: string[] = [];
  const keep = <T extends string>(key: string, value: T | undefined): T | undefined => {
    if (get(key) !== undefined && value === undefined) problems.push(key);
    return value;
  };
  const code = (key: string, re: RegExp) => keep(key, get(key) && re.test(get(key)!.toUpperCase()) ? get(key)!.toUpperCase() : undefined);
  const date = (key: string) => keep(key, get(key) && ISO_DATE.test(get(key)!) && !Number.isNaN(Date.parse(get(key)!)) ? get(key) : undefined);
  const filter: QueueFilter = {
    view: isQueueView(view) ? view : undefined,
    mission: code('mission', /^[A-Z]{3}$/),
    country: code('country', /^[A-Z]{2}$/),
    region: keep('region', /^[a-z0-9_-]{1,40}$/i.test(get('region') ?? '') ? get('region') : undefined),
    category: keep('category', oneOf(categoryCodes, get('category'))),
    subcategory: keep('subcategory', oneOf(allSubcategories, get('subcategory'))),
    caseClass: keep('caseClass', oneOf(caseClasses, get('caseClass'))),
    status: keep('status', oneOf(caseStatuses, get('status'))),
    risk: keep('risk', oneOf(riskLevels, get('risk'))),
    officer: keep('officer', get('officer') === 'none' || /^[0-9a-f-]{36}$/i.test(get('officer') ?? '') ? get('officer') : undefined),
    openedFrom: date('openedFrom'),
    openedTo: date('openedTo'),
    child: get('child') === '1' || undefined,
    detained: get('detained') === '1' || undefined,
    sort: (oneOf(queueSorts, get('sort')) as QueueSort | undefined) ?? 'opened',
    dir: get('dir') === 'desc' ? 'desc' : 'asc',
    after: get('after'),
  };
  if (filter.openedFrom && filter.openedTo && filter.openedFrom > filter.openedTo) {
    problems.push('openedTo');
    filter.openedTo = undefined;
  }
  return { filter, problems };
}

/** The URL query of a filter (without the view, which is the path), for links and bookmarks. */
export function queueQueryString(filter: Partial<QueueFilter>, over: Partial<Record<keyof QueueFilter, string | boolean | undefined>> = {}): string {
  const merged: Record<string, unknown> = { ...filter, ...over };
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = merged[k];
    if (v === true) q.set(k, '1');
    else if (typeof v === 'string' && v) q.set(k, v);
  }
  if (merged.sort && merged.sort !== 'opened') q.set('sort', String(merged.sort));
  if (merged.dir === 'desc') q.set('dir', 'desc');
  if (typeof merged.after === 'string' && merged.after) q.set('after', merged.after);
  return q.toString();
}

/** At most one page of a queue at a time. */
export const BULK_MAX = 200;

/** A bulk action on cases picked from a queue; each case carries the version the list showed. */
const selectedCases = z
  .array(z.object({ id: z.uuid(), version: z.number().int().positive() }))
  .min(1, 'validation.selectCases')
  .max(BULK_MAX, 'validation.tooManyCases');
export const bulkActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), cases: selectedCases, officerId: z.uuid('validation.required') }),
  z.object({ action: z.literal('risk'), cases: selectedCases, riskLevel: z.enum(riskLevels, 'validation.required') }),
  z.object({ action: z.literal('note'), cases: selectedCases, text: z.string().trim().min(1, 'validation.required').max(5000, 'validation.tooLong') }),
]);
export type BulkActionInput = z.infer<typeof bulkActionSchema>;

/** Saving the queue being looked at under a name; the query is re-read and written back canonically. */
export const saveViewSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(80, 'validation.tooLong'),
  path: z.string().regex(/^\/queues(\/[a-z_]+)?$/, 'validation.invalid'),
  query: z.string().max(2000, 'validation.tooLong'),
  isShared: z.boolean(),
});
export const deleteViewSchema = z.object({ id: z.uuid() });
