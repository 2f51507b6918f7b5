import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Conn } from '../index';
import { approvals, caseEvents, caseParties, caseSteps, cases, detentions, hearings, legalProceedings, persons, traffickingAssessments } from '../schema';

/**
 * Many whole cases at once, for the writers that add history in bulk (the demo generator,
 * the import of legacy logs): ids are made by the caller, so rows can reference each other
 * before anything is written, and each table takes one multi-row insert.
 */
export interface CaseBatch {
  persons: (typeof persons.$inferInsert)[];
  cases: (typeof cases.$inferInsert)[];
  parties: (typeof caseParties.$inferInsert)[];
  assessments: (typeof traffickingAssessments.$inferInsert)[];
  steps: (typeof caseSteps.$inferInsert)[];
  events: (typeof caseEvents.$inferInsert)[];
  proceedings: (typeof legalProceedings.$inferInsert)[];
  detentions: (typeof detentions.$inferInsert)[];
  hearings: (typeof hearings.$inferInsert)[];
  approvals: (typeof approvals.$inferInsert)[];
}

export function emptyCaseBatch(): CaseBatch {
  return { persons: [], cases: [], parties: [], assessments: [], steps: [], events: [], proceedings: [], detentions: [], hearings: [], approvals: [] };
}

/** PostgreSQL takes at most 65,535 parameters in one statement: a table's rows go in slices under that. */
const MAX_PARAMETERS = 60_000;

async function insertAll<T extends PgTable>(conn: Conn, table: T, rows: T['$inferInsert'][]) {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(getTableColumns(table)).length));
  for (let i = 0; i < rows.length; i += perStatement) await conn.insert(table).values(rows.slice(i, i + perStatement));
}

/** Writes a batch in the caller's transaction, parents before children. */
export async function insertCaseBatch(conn: Conn, batch: CaseBatch): Promise<void> {
  await insertAll(conn, persons, batch.persons);
  await insertAll(conn, cases, batch.cases);
  await insertAll(conn, caseParties, batch.parties);
  await insertAll(conn, traffickingAssessments, batch.assessments);
  await insertAll(conn, caseSteps, batch.steps);
  await insertAll(conn, caseEvents, batch.events);
  await insertAll(conn, legalProceedings, batch.proceedings);
  await insertAll(conn, detentions, batch.detentions);
  await insertAll(conn, hearings, batch.hearings);
  await insertAll(conn, approvals, batch.approvals);
}
