import 'server-only';
import { randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { and, inArray, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { DIRECTORATE_TIME_ZONE } from '@/lib/actor';
import { assertCan } from '@/lib/authz';
import { PSEUDONYM_LETTER, RESOLVING_OUTCOMES, classOf } from '@/lib/domain/cases';
import { cleanFileName } from '@/lib/documents/file-check';
import { checkSheet } from '@/lib/import/check';
import type { ImportCase, ImportResult, RawSheet } from '@/lib/import/template';
import type { Conn, Db } from '../index';
import { caseReferenceCounters, cases, missions } from '../schema';
import { appendAudit } from './audit';
import { type CaseBatch, emptyCaseBatch, insertCaseBatch } from './case-batch';
import { formatReference } from './cases';
import { refreshPlannerStatistics } from '../maintenance';
import { sharedFiguresChanged } from '../scope-cache';

export type { ImportResult } from '@/lib/import/template';

export interface ImportOptions {
  /** the uploaded or named file: goes into the audit row (never its content) */
  fileName: string;
  /** check only: nothing is written, nothing audited */
  dryRun?: boolean;
  /** import the cases whose rows are all correct even when others have errors */
  skipInvalid?: boolean;
  /** cases per transaction */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  via?: 'upload' | 'command line';
  now?: Date;
}


/** Serialises imports (and their re-check of what exists) so that two runs of one file cannot both write a case. */
const IMPORT_LOCK = 7428302;
const DEFAULT_BATCH = 1000;

interface MissionFacts {
  id: number;
  code: string;
  timeZone: string;
}

const legacyKey = (source: string, ref: string) => `${source}\u0000${ref}`;

/** Which of these cases were imported before: same legacy source (the mission code) and case_ref. */
async function importedBefore(conn: Conn, list: ImportCase[]): Promise<Set<string>> {
  const found = new Set<string>();
  const sources = [...new Set(list.map((c) => c.missionCode))];
  for (let i = 0; i < list.length; i += 5_000) {
    const refs = [...new Set(list.slice(i, i + 5_000).map((c) => c.ref))];
    if (refs.length === 0) continue;
    const rows = await conn
      .select({ source: cases.legacySource, ref: cases.legacyRef })
      .from(cases)
      .where(and(inArray(cases.legacySource, sources), inArray(cases.legacyRef, refs)));
    for (const r of rows) found.add(legacyKey(r.source!, r.ref!));
  }
  return found;
}

/** Noon on the local date at the mission: the same date in its zone whatever the daylight-saving rules. */
function localNoon(isoDate: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 12, 0, timeZone).getTime());
}

/**
 * Imports a legacy case log (issue 7), as a supervisor: every row is checked first; with any
 * error and no `skipInvalid`, nothing is written. Otherwise the new cases are written in
 * batches, one transaction each, numbered after the mission's existing cases of their year;
 * cases imported before (same mission and case_ref) are skipped, so a second run changes
 * nothing. One audit row per import (not per dry run), with counts only.
 */
export async function importCases(db: Db, actor: Actor, sheet: RawSheet, opts: ImportOptions): Promise<ImportResult> {
  assertCan(actor, 'case:import');
  const now = opts.now ?? new Date();
  const missionRows = await db.select({ id: missions.id, code: missions.code, timeZone: missions.timeZone, country: missions.country }).from(missions);
  const byCode = new Map<string, MissionFacts>(missionRows.map((m) => [m.code, m]));
  // A region-limited supervisor imports into the missions of their region only.
  const isInScope = (country: string) => !actor.regionCountries || actor.regionCountries.includes(country);
  const check = checkSheet(sheet, { missions: new Map(missionRows.map((m) => [m.code, { timeZone: m.timeZone, isInScope: isInScope(m.country) }])), now });
  const errorCount = check.problems.filter((p) => p.severity === 'error').length;
  const before = await importedBefore(db, check.cases);
  const fresh = check.cases.filter((c) => !before.has(legacyKey(c.missionCode, c.ref)));
  const result: ImportResult = {
    dryRun: !!opts.dryRun,
    skipInvalid: !!opts.skipInvalid,
    written: false,
    rows: check.rowCount,
    cases: fresh.length,
    people: fresh.reduce((n, c) => n + c.people.length, 0),
    skippedExisting: check.cases.length - fresh.length,
    rejectedRows: check.rejectedRows,
    errorCount,
    warningCount: check.problems.length - errorCount,
    problems: check.problems,
  };
  if (opts.dryRun) return result;

  const audit = (extra: Record<string, unknown>) =>
    appendAudit(db, actor, {
      action: 'case.import',
      entityType: 'import',
      // Counts and the file's name only: no row of the file goes into the trail.
      details: {
        fileName: cleanFileName(opts.fileName),
        via: opts.via ?? 'upload',
        rows: result.rows,
        skipInvalid: !!opts.skipInvalid,
        errors: errorCount,
        warnings: result.warningCount,
        rejectedRows: result.rejectedRows.length,
        ...extra,
      },
    });
  if (errorCount > 0 && !opts.skipInvalid) {
    await audit({ written: false, cases: 0, people: 0, skippedExisting: result.skippedExisting });
    return { ...result, cases: 0, people: 0 };
  }

  // In order of opening, so that numbers within a mission's year follow the dates.
  fresh.sort((a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
  const totals = { cases: 0, people: 0, skippedExisting: result.skippedExisting };
  try {
    for (let i = 0; i < fresh.length; i += batchSize) {
      const slice = fresh.slice(i, i + batchSize);
      const written = await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`);
        // Another import may have written some of these since the check: look again under the lock.
        const already = await importedBefore(tx, slice);
        const todo = slice.filter((c) => !already.has(legacyKey(c.missionCode, c.ref)));
        const batch = await caseBatchOf(tx, actor, todo, byCode, now);
        await insertCaseBatch(tx, batch);
        return { cases: todo.length, people: batch.persons.length, skipped: slice.length - todo.length };
      });
      totals.cases += written.cases;
      totals.people += written.people;
      totals.skippedExisting += written.skipped;
      opts.onProgress?.(Math.min(i + batchSize, fresh.length), fresh.length);
    }
  } catch (e) {
    await audit({ written: totals.cases > 0, failed: true, ...totals }).catch(() => {});
    throw e;
  }
  await audit({ written: true, ...totals });
  if (totals.cases > 0) {
    sharedFiguresChanged();
    // Thousands of new rows: plans should know of them now (PGlite has no autovacuum).
    await refreshPlannerStatistics(db);
  }
  return { ...result, written: true, ...totals };
}

/**
 * Numbers for `count` new cases of a mission's year, taken from its counter in the caller's
 * transaction: the row stays locked until it ends, so cases created meanwhile queue behind
 * the batch and numbers stay gap-free.
 */
async function reserveNumbers(conn: Conn, wanted: Map<string, { missionId: number; year: number; count: number }>): Promise<Map<string, number>> {
  const first = new Map<string, number>();
  if (wanted.size === 0) return first;
  const rows = await conn
    .insert(caseReferenceCounters)
    .values([...wanted.values()].map((w) => ({ missionId: w.missionId, year: w.year, last: w.count })))
    .onConflictDoUpdate({ target: [caseReferenceCounters.missionId, caseReferenceCounters.year], set: { last: sql`${caseReferenceCounters.last} + excluded.last` } })
    .returning({ missionId: caseReferenceCounters.missionId, year: caseReferenceCounters.year, last: caseReferenceCounters.last });
  for (const r of rows) {
    const key = `${r.missionId}:${r.year}`;
    first.set(key, r.last - wanted.get(key)!.count + 1);
  }
  return first;
}

/**
 * The rows of imported cases. Decisions the template leaves open:
 * - opened_at and closed_at are noon of the given dates at the mission; resolved_at is set
 *   when the outcome counts as resolved (as a closure approval does);
 * - intake channel and risk are not in the logs: recorded as walk-in and medium;
 * - subjects of trafficking cases are imported with their identity undisclosed (victims'
 *   right); a subject's nationality defaults to Indonesian;
 * - a row's prosecution_stage becomes that person's own home-country proceeding at that file
 *   code (the accused of one case are often at different stages): a subject's as victim (in
 *   criminal and smuggling cases, where the citizen is the accused, as suspect), a
 *   perpetrator's as suspect.
 */
async function caseBatchOf(conn: Conn, actor: Actor, list: ImportCase[], byCode: Map<string, MissionFacts>, now: Date): Promise<CaseBatch> {
  const wanted = new Map<string, { missionId: number; year: number; count: number }>();
  for (const c of list) {
    const missionId = byCode.get(c.missionCode)!.id;
    const year = Number(c.openedOn.slice(0, 4));
    const key = `${missionId}:${year}`;
    const w = wanted.get(key) ?? { missionId, year, count: 0 };
    w.count++;
    wanted.set(key, w);
  }
  const next = await reserveNumbers(conn, wanted);
  const batch = emptyCaseBatch();
  for (const c of list) {
    const mission = byCode.get(c.missionCode)!;
    const year = Number(c.openedOn.slice(0, 4));
    const key = `${mission.id}:${year}`;
    const seq = next.get(key)!;
    next.set(key, seq + 1);
    const reference = formatReference(mission.code, year, seq);
    const caseId = randomUUID();
    const openedAt = localNoon(c.openedOn, mission.timeZone);
    const closedAt = c.closedOn ? localNoon(c.closedOn, mission.timeZone) : null;
    batch.cases.push({
      id: caseId,
      reference,
      missionId: mission.id,
      year,
      seq,
      category: c.category,
      subcategories: c.subcategories,
      caseClass: classOf(c.category, { subcategories: c.subcategories }),
      status: c.status,
      riskLevel: 'medium',
      intakeChannel: 'walk_in',
      createdById: actor.id,
      openedAt,
      closedAt,
      resolvedAt: closedAt && RESOLVING_OUTCOMES.includes(c.outcome ?? '') ? closedAt : null,
      outcome: c.outcome,
      lastActivityAt: closedAt ?? openedAt,
      legacySource: c.missionCode,
      legacyRef: c.ref,
    });
    if (c.category === 'trafficking') batch.assessments.push({ caseId });
    const counters = { subject: 0, perpetrator: 0 };
    const citizenAccused = c.category === 'criminal' || c.category === 'smuggling';
    for (const p of c.people) {
      const personId = randomUUID();
      const partyId = randomUUID();
      batch.persons.push({
        id: personId,
        fullName: p.fullName,
        sex: p.sex,
        dateOfBirth: p.dateOfBirth,
        nationality: p.nationality,
        nik: p.nik,
        passportNumber: p.passportNumber,
        isIdentityUndisclosed: p.role === 'subject' && c.category === 'trafficking',
        createdAt: now,
      });
      batch.parties.push({
        id: partyId,
        caseId,
        personId,
        role: p.role,
        pseudonym: `${reference}-${PSEUDONYM_LETTER[p.role]}${++counters[p.role]}`,
        perpetratorKind: p.perpetratorKind,
        createdAt: now,
      });
      if (p.prosecutionStage) {
        batch.proceedings.push({
          caseId,
          partyId,
          jurisdiction: 'home',
          role: p.role === 'subject' && !citizenAccused ? 'victim' : 'suspect',
          courtTimeZone: DIRECTORATE_TIME_ZONE,
          homeFileCode: p.prosecutionStage,
        });
      }
    }
    batch.events.push({
      caseId,
      actorId: actor.id,
      kind: 'imported',
      at: now,
      data: { reference, source: c.missionCode, legacyRef: c.ref, subjects: counters.subject, perpetrators: counters.perpetrator },
    });
  }
  return batch;
}
