/**
 * The supervisors' built-in queues (DESIGN §4) and their thresholds. Each is a rule over
 * the cases in the supervisor's scope; the SQL of each rule is in db/queries/queues.ts.
 */
export const queueViews = [
  'unassessed',
  'overdue_steps',
  'children',
  'hearings_soon',
  'death_penalty',
  'awaiting_approval',
  'unassigned',
  'no_contact',
  'special_this_month',
] as const;
export type QueueView = (typeof queueViews)[number];

export function isQueueView(value: unknown): value is QueueView {
  return typeof value === 'string' && (queueViews as readonly string[]).includes(value);
}

/** still "new" (not yet assessed and taken up) this many days after opening */
export const UNASSESSED_DAYS = 3;
/** a detainee's hearing within this many days from now */
export const HEARING_SOON_DAYS = 14;
/** no activity on an open case for this many days */
export const NO_CONTACT_DAYS = 30;

export const queueSorts = ['opened', 'activity', 'due', 'risk'] as const;
export type QueueSort = (typeof queueSorts)[number];

/**
 * The way each sort reads first: oldest opened, longest without activity, soonest due,
 * most urgent — what is stuck comes first.
 */
export const DEFAULT_SORT: QueueSort = 'opened';

/** Counts stay exact up to this; above it a list says "more than 10,000". */
export const COUNT_CAP = 10_000;
