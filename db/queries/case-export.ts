import 'server-only';
import { PassThrough, type Readable } from 'node:stream';
import { type SQL, and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan } from '@/lib/authz';
import { CODED_CASE_LIST_COLUMNS, type CaseListColumn, type CaseListRow, type CaseListValueLabels, type CodedCaseListColumn, FLAG_CASE_LIST_COLUMNS } from '@/lib/domain/case-list-columns';
import type { QueueFilter } from '@/lib/validation/queues';
import type { Conn, Db } from '../index';
import { cases, exportCases, missions, users } from '../schema';
import { whereOf } from './queues';

/** Rows read per query: a page of the keyset walk, and the unit of progress. */
export const EXPORT_BATCH = 2_000;

const localDay = (col: unknown) => sql<string | null>`to_char(${col} AT TIME ZONE ${missions.timeZone}, 'YYYY-MM-DD')`;

/** Each column's SQL. Subjects: name, or pseudonym where the identity is undisclosed, in pseudonym order, as kept on the case (migration 0035). */
const COLUMN_SQL: Record<CaseListColumn, unknown> = {
  reference: cases.reference,
  mission: missions.code,
  category: cases.category,
  subcategories: sql<string>`array_to_string(${cases.subcategories}, ' ')`,
  class: cases.caseClass,
  status: cases.status,
  risk: cases.riskLevel,
  opened_on: localDay(cases.openedAt),
  closed_on: localDay(cases.closedAt),
  outcome: cases.outcome,
  assigned_officer: users.name,
  subjects: cases.subjectsLabel,
  subject_count: cases.subjectCount,
  child_subject: cases.hasChildSubject,
  death_penalty: cases.deathPenalty,
  next_due_on: sql<string | null>`${cases.nextDueOn}::text`,
  last_activity_on: localDay(cases.lastActivityAt),
  legacy_ref: cases.legacyRef,
};

/** A code as its label (a code without one stays as it is). */
const labelOf = (code: unknown, labels: Record<string, string>) =>
  sql`CASE ${code}::text ${sql.join(
    Object.entries(labels).map(([c, label]) => sql`WHEN ${c} THEN ${label}::text`),
    sql` `,
  )} ELSE ${code}::text END`;

/**
 * A column's SQL, its codes labelled when given labels (a file for people): made by the database,
 * so that the batches and COPY write the same. Subcategories are then separated by "; ", as
 * their labels have spaces.
 */
function columnSql(column: CaseListColumn, labels?: CaseListValueLabels): unknown {
  if (!labels || !(column in CODED_CASE_LIST_COLUMNS)) return COLUMN_SQL[column];
  const codes = labels.codes[column as CodedCaseListColumn];
  if (column === 'subcategories')
    return sql<string>`array_to_string(array(SELECT ${labelOf(sql`s.code`, codes)} FROM unnest(${cases.subcategories}) WITH ORDINALITY AS s(code, n) ORDER BY s.n), '; ')`;
  return sql<string | null>`${labelOf(COLUMN_SQL[column], codes)}`;
}

/** The export's cases with the given select list, in the actor's scope and the filter's rule, oldest first. */
function exportSelect(
  conn: Conn,
  actor: Actor,
  filter: Partial<QueueFilter>,
  select: Record<string, never>,
  now: Date,
  after?: { openedAt: string; id: string } | null,
) {
  assertCan(actor, 'case:export');
  return conn
    .select(select)
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .leftJoin(users, eq(users.id, cases.assignedOfficerId))
    .where(and(whereOf(actor, filter, now), after ? sql`(${cases.openedAt}, ${cases.id}) > (${after.openedAt}::timestamptz, ${after.id}::uuid)` : undefined))
    .orderBy(asc(cases.openedAt), asc(cases.id));
}

/** One batch of a case-list export after the given case (keyset: opening time and id, read from the (opened_at, id) indexes); the benchmark explains it. */
export function caseExportQuery(
  conn: Conn,
  actor: Actor,
  filter: Partial<QueueFilter>,
  columns: readonly CaseListColumn[],
  now: Date,
  after: { openedAt: string; id: string } | null,
  batch = EXPORT_BATCH,
  labels?: CaseListValueLabels,
) {
  const select = { ...Object.fromEntries(columns.map((c) => [c, columnSql(c, labels)])), __openedAt: sql<string>`${cases.openedAt}::text`, __id: cases.id } as unknown as Record<string, never>;
  return exportSelect(conn, actor, filter, select, now, after).limit(batch);
}

/** Columns whose text people typed (or imported): the only ones that can start like a formula. */
const FREE_TEXT: readonly CaseListColumn[] = ['assigned_officer', 'subjects', 'legacy_ref'];

/**
 * The cells exactly as the CSV writer makes them (lib/reports/case-list.ts): typed text a
 * spreadsheet would run as a formula gets an apostrophe at the start and after every comma,
 * semicolon or tab (neutraliseCell's rule in lib/reports/csv.ts, the same regular expression),
 * yes/no (or their labels) for flags, an empty cell for nothing. Codes, their labels and dates
 * are ours and never start like a formula. COPY's FORCE_QUOTE * then quotes every non-empty cell, as CSV_OPTIONS does.
 */
const MARK_AT = sql.raw(String.raw`'(?<=^|[,;\t])(?= *(?:[=+@\t\r-]|'' *[=+@\t\r''-]))'`);
const APOSTROPHE = sql.raw(`''''`);
function csvCell(column: CaseListColumn, labels?: CaseListValueLabels): SQL {
  const value = sql`${columnSql(column, labels)}`;
  if (FLAG_CASE_LIST_COLUMNS.includes(column)) return sql`CASE WHEN ${value} THEN ${labels?.yes ?? 'yes'}::text WHEN NOT ${value} THEN ${labels?.no ?? 'no'}::text END`;
  if (FREE_TEXT.includes(column)) return sql`nullif(regexp_replace(${value}, ${MARK_AT}, ${APOSTROPHE}, 'g'), '')`;
  return column === 'subcategories' ? sql`nullif(${value}, '')` : value;
}

/**
 * On PostgreSQL, a case-list export as one `COPY … TO STDOUT (FORMAT csv)`: the server writes the
 * rows (no header, LF line ends) from one snapshot and Payung only passes the bytes on, so memory
 * stays flat and the cost is linear in the rows. The same statement records the cases it reads
 * as the export's (export_cases, for their access logs) when given the export's id: one snapshot,
 * so the record names exactly the cases in the file. Null on the embedded database (no COPY to a
 * client stream there): the caller walks the batches instead.
 */
export function caseExportCsvStream(
  db: Db,
  actor: Actor,
  filter: Partial<QueueFilter>,
  columns: readonly CaseListColumn[],
  exportId: string | null,
  now = new Date(),
  labels?: CaseListValueLabels,
): Readable | null {
  const client = (db as unknown as { $client?: CopyClient }).$client;
  if (typeof client?.unsafe !== 'function' || typeof (client as { query?: unknown }).query === 'function') return null;
  const select = Object.fromEntries(columns.map((c, i) => [`c${i}`, csvCell(c, labels)])) as Record<string, never>;
  const { sql: text, params } = exportSelect(db, actor, filter, select, now).toSQL();
  // COPY takes no bind parameters: the filter's values (validated codes, dates and ids) go in as quoted literals.
  const query = inlineParams(text, params);
  const copy = `COPY (${exportId ? `WITH included AS (${recordIncluded(db, actor, filter, now, exportId)}) ${query}` : query}) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE *)`;
  const out = new PassThrough();
  client
    .unsafe(copy)
    .readable()
    .then((rows) => {
      // postgres.js gives one chunk per row: gathered into blocks of about 64 kB before they go on.
      // Read in flowing mode and never paused: postgres.js can leave its socket paused for good when a
      // COPY stream applies backpressure (porsager/postgres#499, #1016). The file is written faster
      // than the server makes rows, so what waits here stays small.
      let block: Buffer[] = [];
      let size = 0;
      const flush = () => {
        if (size) out.write(block.length === 1 ? block[0] : Buffer.concat(block, size));
        block = [];
        size = 0;
      };
      rows.on('data', (chunk: Buffer) => {
        block.push(chunk);
        size += chunk.length;
        if (size >= 65_536) flush();
      });
      rows.on('end', () => {
        flush();
        out.end();
      });
      rows.on('error', (e) => out.destroy(e));
    })
    .catch((e: Error) => out.destroy(e));
  return out;
}

/**
 * The INSERT that records the export's cases (its filter's, in the actor's scope), as literal SQL
 * for COPY's data-modifying WITH; in case order, so that they append to the export's end of the
 * (export_id, case_id) key.
 */
function recordIncluded(conn: Conn, actor: Actor, filter: Partial<QueueFilter>, now: Date, exportId: string): string {
  const { sql: text, params } = conn
    .select({ exportId: sql`${exportId}::uuid`, caseId: cases.id })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(whereOf(actor, filter, now))
    .orderBy(asc(cases.id))
    .toSQL();
  // No ON CONFLICT: each case once (its key), under an export's new id; the speculative insertion it asks for per row doubled the time (4.9 s against 2.7 s at a million cases).
  return `INSERT INTO export_cases (export_id, case_id) ${inlineParams(text, params)}`;
}

/** postgres.js's client, as far as COPY needs it. */
interface CopyClient {
  unsafe(text: string): { readable(): Promise<Readable> };
}

/** A query's `$n` placeholders replaced by SQL literals of their values (strings quoted, quotes doubled). */
export function inlineParams(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)(?!\d)/g, (_, n: string) => literal(params[Number(n) - 1]));
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null;
  if (text === null || text.includes('\0')) throw new Error(`inlineParams: cannot write a ${typeof value} as a literal`);
  return `'${text.replaceAll("'", "''")}'`;
}

/** How many cases the export will hold (for its progress), uncapped. */
export async function countCaseExport(conn: Conn, actor: Actor, filter: Partial<QueueFilter>, now = new Date()): Promise<number> {
  assertCan(actor, 'case:export');
  const [row] = await conn
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(whereOf(actor, filter, now));
  return row?.n ?? 0;
}

/**
 * The cases of a queue's filter (as the supervisor sees them: their scope, the view's rule,
 * the filters), oldest first, with the chosen columns, a batch at a time (keyset on opening
 * time and id, so a long export neither skips nor repeats a case). Given the export's id, each
 * batch's cases are recorded as the export's (export_cases) before they are handed on.
 */
export async function* caseExportBatches(
  conn: Conn,
  actor: Actor,
  filter: Partial<QueueFilter>,
  columns: readonly CaseListColumn[],
  opts: { exportId?: string; now?: Date; batch?: number; labels?: CaseListValueLabels } = {},
): AsyncGenerator<CaseListRow[]> {
  const { now = new Date(), batch = EXPORT_BATCH } = opts;
  let after: { openedAt: string; id: string } | null = null;
  for (;;) {
    const rows = await caseExportQuery(conn, actor, filter, columns, now, after, batch, opts.labels);
    if (rows.length === 0) return;
    const last = rows.at(-1) as unknown as { __openedAt: string; __id: string };
    after = { openedAt: last.__openedAt, id: last.__id };
    if (opts.exportId) {
      const exportId = opts.exportId;
      await conn
        .insert(exportCases)
        .values(rows.map((r) => ({ exportId, caseId: (r as unknown as { __id: string }).__id })).sort((a, b) => (a.caseId < b.caseId ? -1 : 1)));
    }
    yield rows.map(({ __openedAt: _o, __id: _i, ...r }) => r as unknown as CaseListRow);
    if (rows.length < batch) return;
  }
}
