import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Conn, Db } from '@/db';
import { getAgeClaims } from '@/db/queries/age-claims';
import { listCaseEvents } from '@/db/queries/case-timeline';
import { type CaseFile, type CaseListFilter, getCase, listCases } from '@/db/queries/cases';
import { listDocuments } from '@/db/queries/documents';
import { getLegalTrack } from '@/db/queries/legal';
import { listMissions, listMissionsInScope, listRegions } from '@/db/queries/missions';
import { getMoney } from '@/db/queries/money';
import { countQueue, countQueues, listQueue } from '@/db/queries/queues';
import { listConsentsAndReferrals, listPartnerAgencies } from '@/db/queries/referrals';
import { listSavedViews } from '@/db/queries/saved-views';
import { resolveSession } from '@/db/queries/sessions';
import { listDueSteps, listStepTemplates, listSteps, localDate } from '@/db/queries/steps';
import { getPendingTransfer, listIncomingTransfers } from '@/db/queries/transfers';
import { listMissionOfficers, listOfficersInScope } from '@/db/queries/users';
import * as schema from '@/db/schema';
import type { Actor } from '@/lib/actor';
import type { QueueFilter } from '@/lib/validation/queues';

/**
 * The data of the screens the benchmark measures, loaded as their pages load it (the same query
 * functions in the same waves: app/(app)/cases/[id]/page.tsx, app/(app)/cases/page.tsx,
 * app/(app)/queues/(lists)/layout.tsx and queue-screen.tsx). A wave's loaders run together; the
 * next wave starts when they are done. Kept in step with those pages by hand: when a page
 * changes what it loads, change it here.
 */
export type Loaders = Record<string, (db: Conn) => Promise<unknown>>;
/** Runs one wave of loaders and returns their results by name. */
export type Wave = <L extends Loaders>(loaders: L) => Promise<{ [K in keyof L]: Awaited<ReturnType<L[K]>> }>;

/** The signed-in user's session, checked on every request (lib/auth/actor.ts getActor). */
export const sessionWave = (wave: Wave, sessionId: string) => wave({ session: (db) => resolveSession(db, sessionId, null) });

/** A case file: getCase for the title (generateMetadata) and for the page, then the sections in three waves. */
export async function casePage(wave: Wave, actor: Actor, id: string): Promise<CaseFile | null> {
  const { file } = await wave({ title: (db) => getCase(db, actor, id), file: (db) => getCase(db, actor, id) });
  if (!file) return null;
  const { steps } = await wave({ events: (db) => listCaseEvents(db, file.id), documents: (db) => listDocuments(db, file.id), steps: (db) => listSteps(db, file.id) });
  await wave({
    consents: (db) => listConsentsAndReferrals(db, file.id),
    partners: (db) => listPartnerAgencies(db),
    pendingTransfer: (db) => getPendingTransfer(db, file.id),
    missions: (db) => listMissions(db, actor),
  });
  await wave({
    officers: (db) => listMissionOfficers(db, actor, file.missionId),
    legal: (db) => getLegalTrack(db, file.id),
    ageClaims: (db) => getAgeClaims(db, file.id),
    money: (db) => getMoney(db, file.id),
  });
  if (steps.length === 0) await wave({ templates: (db) => listStepTemplates(db, file.category) });
  return file;
}

/** My cases: a page of the list, the steps due this week, the incoming transfers. */
export async function myCasesPage(wave: Wave, actor: Actor, filter: CaseListFilter): Promise<void> {
  const weekEnd = localDate(actor.timeZone, new Date(Date.now() + 7 * 86_400_000));
  await wave({ page: (db) => listCases(db, actor, filter), due: (db) => listDueSteps(db, actor, weekEnd), incoming: (db) => listIncomingTransfers(db, actor) });
}

/**
 * A queue page: the layout's counts (cached per scope for 30 s: `withCounts` false leaves them
 * out, as most requests find them cached) and saved views beside the screen's filters, page and count.
 */
export async function queuePage(wave: Wave, actor: Actor, filter: QueueFilter, opts: { withCounts: boolean }): Promise<void> {
  const now = new Date();
  await wave({
    ...(opts.withCounts ? { counts: (db: Conn) => countQueues(db, actor, now) } : {}),
    saved: (db) => listSavedViews(db, actor),
    missions: (db) => listMissionsInScope(db, actor),
    regions: (db) => (actor.regionCountries ? Promise.resolve([]) : listRegions(db)),
    officers: (db) => listOfficersInScope(db, actor),
    page: (db) => listQueue(db, actor, filter, now),
    count: (db) => countQueue(db, actor, filter, now),
  });
}

/** The app's way: each wave's loaders at once on the app's pool. */
export const appWave =
  (db: Db): Wave =>
  async (loaders) =>
    Object.fromEntries(await Promise.all(Object.entries(loaders).map(async ([k, run]) => [k, await run(db)]))) as never;

export interface Statement {
  sql: string;
  params: unknown[];
}
/** What a screen sent, wave by wave, loader by loader, statement by statement. */
export type Recording = Statement[][][];

/**
 * A drizzle database on its own client that notes every statement it sends. Recording runs the
 * loaders one at a time, so each loader's statements are its own.
 */
export function recorder(client: postgres.Sql) {
  let current: Statement[] | null = null;
  const db = drizzle({
    client,
    schema,
    casing: 'snake_case',
    logger: {
      logQuery(query, params) {
        current?.push({ sql: query, params });
      },
    },
  }) as unknown as Db;
  let recording: Recording = [];
  let last: Statement[] = [];
  const wave: Wave = async (loaders) => {
    const results: [string, unknown][] = [];
    const statements: Statement[][] = [];
    for (const [k, run] of Object.entries(loaders)) {
      current = [];
      results.push([k, await run(db)]);
      statements.push(current);
      current = null;
    }
    recording.push(statements);
    return Object.fromEntries(results) as never;
  };
  return {
    db,
    wave,
    /** Runs `screen` once, recording it; returns its statements and result. */
    async record<T>(screen: (wave: Wave) => Promise<T>): Promise<{ recording: Recording; value: T }> {
      recording = [];
      const value = await screen(wave);
      return { recording, value };
    },
    /** The statements of a single call, in order. */
    async statements<T>(run: (db: Db) => Promise<T>): Promise<Statement[]> {
      current = [];
      try {
        await run(db);
        return current;
      } finally {
        last = current;
        current = null;
      }
    },
    /** The statements of the last call to `statements`, also when it threw (a rolled-back transaction). */
    lastStatements: (): Statement[] => last,
  };
}

/** Sends a recording's statements raw: the loaders of a wave at once, each loader's statements in order. */
export async function replay(client: postgres.Sql, recording: Recording): Promise<void> {
  for (const wave of recording) {
    await Promise.all(
      wave.map(async (statements) => {
        for (const s of statements) await client.unsafe(s.sql, s.params as never[]);
      }),
    );
  }
}

export const statementCount = (recording: Recording) => recording.flat(2).length;
