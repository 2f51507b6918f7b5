import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { localDate } from '@/db/queries/steps';
import { sessions, users } from '@/db/schema';
import type { Actor } from '@/lib/actor';
import { DEMO_PASSWORD } from '@/lib/auth/password';
import { addMonths } from '@/lib/domain/periods';
import { emptyCase, emptySubject } from '@/lib/validation/cases';
import { type Recording, type Wave, casePage, myCasesPage, queuePage, type recorder, sessionWave } from './screens';
import { latency } from './stats';
import { intakeFacts } from '@/lib/testing/intake';

/**
 * The HTTP part: signed-in pages under load (autocannon), beside a plain node:http server that
 * sends the same statements for the same addresses (bench/floor-server.ts); /api/health while
 * twenty ten-year summaries are asked for at once; and creating a case through its server action.
 */
export interface HttpFigures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
}
export interface HttpRun {
  label: string;
  connections: number;
  app: HttpFigures;
  floor: HttpFigures | null;
}
export interface HttpResults {
  base: string;
  seconds: number;
  runs: HttpRun[];
  health: { alone: HttpFigures; during: HttpFigures; reportsDone: number; reportsFailed: number; seconds: number } | null;
  create: (HttpFigures & { how: string }) | null;
  notes: string[];
}

const DURATION = Number(process.env.BENCH_HTTP_SECONDS || 10);
const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT || 3191);
const APP_PORT = Number(process.env.BENCH_APP_PORT || 3137);

interface Load {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  paths?: () => string;
}

/** autocannon's instance is an event emitter and a promise of its result at once (its types say one or the other). */
const cannon = (opts: autocannon.Options) => autocannon(opts) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;

/** One autocannon run; latencies from every response (autocannon's own summary has no p95). */
async function load(opts: Load): Promise<HttpFigures> {
  const times: number[] = [];
  const instance = cannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.duration,
    headers: opts.headers,
    timeout: 30,
    ...(opts.paths ? { requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: opts.paths!() }) }] } : {}),
  } as autocannon.Options);
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  const l = latency(times);
  return { rps: Math.round(result.requests.total / result.duration), p50: l.p50, p95: l.p95, p99: l.p99, errors: result.errors + result.timeouts + result.non2xx, requests: result.requests.total };
}

/** Signs in through next-auth's credentials flow and returns the cookies to send. */
export async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in as ${email} failed (HTTP ${res.status})`);
  return cookie();
}

async function waitFor(url: string, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A child in its own process group, so that stopping it stops what it started too. */
function startGroup(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const out = fs.openSync(log, 'w');
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', out, out] });
  child.unref();
  return child;
}
const stopGroup = (child: ChildProcess | null) => {
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
};

export interface HttpContext {
  /** a base URL, or "start" to start the app built in .next */
  base: string;
  url: string;
  db: Db;
  recorder: ReturnType<typeof recorder>;
  supervisor: Actor;
  kul: Actor;
  caseIds: string[];
  /** leave out /api/health under twenty ten-year summaries */
  skipHeavy: boolean;
  /** DATABASE_URL for the app the bench starts: its connections named, to cancel what it leaves running */
  appDatabaseUrl: string;
  /** cancels what the started app left running in the database */
  cancelAppStatements: () => Promise<void>;
}

export async function runHttp(ctx: HttpContext): Promise<HttpResults> {
  const notes: string[] = [];
  let app: ChildProcess | null = null;
  let floor: ChildProcess | null = null;
  const started = performance.now();
  try {
    let base = ctx.base.replace(/\/$/, '');
    if (base === 'start') {
      if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) throw new Error('--http start needs a production build: run `npx next build` first');
      base = `http://127.0.0.1:${APP_PORT}`;
      if (await fetch(`${base}/api/health`).then(() => true, () => false)) throw new Error(`port ${APP_PORT} is taken: set BENCH_APP_PORT`);
      app = startGroup(
        path.join(process.cwd(), 'node_modules', '.bin', 'next'),
        ['start', '-p', String(APP_PORT), '-H', '127.0.0.1'],
        { ...process.env, NODE_ENV: 'production', DATABASE_URL: ctx.appDatabaseUrl, NEXTAUTH_URL: base, AUTH_SECRET: process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET || 'payung-bench-secret-not-for-production', PAYUNG_DEMO: '1' },
        path.join(os.tmpdir(), 'payung-bench-app.log'),
      );
      await waitFor(`${base}/api/health`, 120);
      notes.push(`app started by the bench: next start on ${base} (log in ${path.join(os.tmpdir(), 'payung-bench-app.log')})`);
    }
    const supervisorCookie = await signIn(base, 'supervisor@payung.test');
    const officerCookie = await signIn(base, 'officer.kul@payung.test');

    // The floor sends what the pages send: recorded through the app's query functions for the signed-in users' sessions.
    const sessionOf = async (email: string) => {
      const [row] = await ctx.db.select({ id: sessions.id }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(users.email, email)).orderBy(desc(sessions.createdAt)).limit(1);
      return row!.id;
    };
    const supervisorSession = await sessionOf('supervisor@payung.test');
    const officerSession = await sessionOf('officer.kul@payung.test');
    const page = async (sessionId: string, screen: (wave: Wave) => Promise<unknown>): Promise<Recording> =>
      (
        await ctx.recorder.record(async (wave) => {
          await sessionWave(wave, sessionId);
          await screen(wave);
        })
      ).recording;
    const caseIds = ctx.caseIds.slice(0, 50);
    const routes = {
      fixed: {
        '/queues': await page(supervisorSession, (w) => queuePage(w, ctx.supervisor, { sort: 'opened', dir: 'asc' }, { withCounts: false })),
        '/cases': await page(officerSession, (w) => myCasesPage(w, ctx.kul, {})),
      },
      cases: {} as Record<string, Recording>,
    };
    // One at a time: the recorder notes one screen's statements at once.
    for (const id of caseIds) routes.cases[id] = await page(supervisorSession, (w) => casePage(w, ctx.supervisor, id));
    notes.push('the floor sends each page’s statements as the app’s query functions send them (session check, loaders in the page’s waves; /queues without the navigation counts, which the app caches for 30 s), and answers their rows as JSON');
    const routesFile = path.join(os.tmpdir(), `payung-bench-floor-${process.pid}.json`);
    fs.writeFileSync(routesFile, JSON.stringify(routes));
    floor = startGroup(path.join(process.cwd(), 'node_modules', '.bin', 'tsx'), [path.join(process.cwd(), 'bench', 'floor-server.ts'), routesFile, String(FLOOR_PORT)], { ...process.env, DATABASE_URL: ctx.url }, path.join(os.tmpdir(), 'payung-bench-floor.log'));
    const floorBase = `http://127.0.0.1:${FLOOR_PORT}`;
    if (await fetch(floorBase).then(() => true, () => false)) throw new Error(`port ${FLOOR_PORT} is taken: set BENCH_FLOOR_PORT`);
    await waitFor(`${floorBase}/queues`, 60);

    let next = 0;
    const casePath = () => `/cases/${caseIds[next++ % caseIds.length]}`;
    const screens = [
      { label: '/queues', cookie: supervisorCookie, path: () => '/queues' },
      { label: '/cases', cookie: officerCookie, path: () => '/cases' },
      { label: '/cases/<id>', cookie: supervisorCookie, path: casePath },
    ];
    const runs: HttpRun[] = [];
    for (const s of screens) {
      // Warm both (compilation of the route, connections, caches).
      await load({ url: `${base}${s.path()}`, connections: 2, duration: 2, headers: { cookie: s.cookie }, paths: s.path });
      await load({ url: `${floorBase}${s.path()}`, connections: 2, duration: 2, paths: s.path });
      for (const connections of [1, 10, 50]) {
        const appRun = await load({ url: `${base}${s.path()}`, connections, duration: DURATION, headers: { cookie: s.cookie }, paths: s.path });
        const floorRun = await load({ url: `${floorBase}${s.path()}`, connections, duration: DURATION, paths: s.path });
        runs.push({ label: s.label, connections, app: appRun, floor: floorRun });
        console.log(`  HTTP ${s.label} × ${connections}: app ${appRun.rps} req/s p95 ${appRun.p95.toFixed(1)} ms (${appRun.errors} errors); floor ${floorRun.rps} req/s p95 ${floorRun.p95.toFixed(1)} ms`);
      }
    }
    stopGroup(floor);
    floor = null;

    const create = await createOverHttp(base, officerCookie, notes);
    const health = ctx.skipHeavy ? null : await healthDuringSummaries(base, supervisorCookie);
    if (health && health.reportsDone < 20) notes.push(`${20 - health.reportsDone} of the 20 ten-year summaries were given up after three minutes; their statements were cancelled in the database when the app stopped`);
    return { base, seconds: Math.round((performance.now() - started) / 1000), runs, health, create, notes };
  } finally {
    stopGroup(floor);
    stopGroup(app);
    // Summaries the stopped app was still computing would run on in the database: cancel them.
    if (app) await ctx.cancelAppStatements();
  }
}

/**
 * Create through the intake form's server action, as the browser posts it: the action's id from
 * the build's server-reference manifest, the input as its one argument. Only with a build in
 * this folder (the id is the build's).
 */
async function createOverHttp(base: string, cookie: string, notes: string[]): Promise<(HttpFigures & { how: string }) | null> {
  const manifestPath = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json');
  if (!fs.existsSync(manifestPath)) {
    notes.push('create over HTTP not measured: no .next/server/server-reference-manifest.json here (measured through the query layer instead)');
    return null;
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { node: Record<string, { exportedName?: string; workers: Record<string, unknown> }> };
  const id = Object.entries(manifest.node).find(([, a]) => a.exportedName === 'createCaseAction')?.[0];
  if (!id) {
    notes.push('create over HTTP not measured: createCaseAction not found in the server-reference manifest');
    return null;
  }
  const post = async (i: number) => {
    const input = { ...emptyCase, ...intakeFacts, narrative: `Benchmark over HTTP ${i}`, subjects: [{ ...emptySubject, fullName: `Bench Http ${i}` }] };
    const t0 = performance.now();
    const res = await fetch(`${base}/cases/new`, {
      method: 'POST',
      headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: base, cookie },
      body: JSON.stringify([input]),
    });
    const text = await res.text();
    if (process.env.BENCH_DEBUG && i < 0) console.log(res.status, text.slice(0, 400));
    return { ms: performance.now() - t0, ok: res.status === 200 && text.includes('"ok":true') };
  };
  for (let i = 0; i < 10; i++) await post(-i);
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < 200; i++) {
    const r = await post(i);
    times.push(r.ms);
    if (!r.ok) errors++;
  }
  const l = latency(times);
  return { how: 'server action createCaseAction, one client, 200 posts', rps: 0, p50: l.p50, p95: l.p95, p99: l.p99, errors, requests: times.length };
}

/** /api/health alone, then while twenty ten-year summaries of all missions are asked for at once (given up on after three minutes). */
async function healthDuringSummaries(base: string, cookie: string): Promise<HttpResults['health']> {
  const alone = await load({ url: `${base}/api/health`, connections: 1, duration: 5 });
  const year = Number(addMonths(localDate('Asia/Jakarta').slice(0, 7), -1).slice(0, 4));
  const period = `${year - 9}..${year}`;
  const abort = new AbortController();
  const t0 = performance.now();
  let done = 0;
  let failed = 0;
  const reports = Promise.all(
    Array.from({ length: 20 }, () =>
      fetch(`${base}/api/reports?period=${encodeURIComponent(period)}&scope=all&format=csv`, { headers: { cookie }, signal: abort.signal })
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.ok) done++;
          else failed++;
        })
        .catch(() => {
          failed++;
        }),
    ),
  );
  const probe = cannon({ url: `${base}/api/health`, connections: 1, duration: 180, timeout: 30 });
  const times: number[] = [];
  probe.on('response', (_c: unknown, _s: number, _b: number, rt: number) => times.push(rt));
  const timer = setTimeout(() => abort.abort(), 180_000);
  await reports;
  clearTimeout(timer);
  const seconds = Math.round((performance.now() - t0) / 1000);
  probe.stop();
  const result = await probe;
  const l = latency(times);
  return {
    alone,
    during: { rps: Math.round(result.requests.total / Math.max(1, result.duration)), p50: l.p50, p95: l.p95, p99: l.p99, errors: result.errors + result.timeouts + result.non2xx, requests: result.requests.total },
    reportsDone: done,
    reportsFailed: failed,
    seconds,
  };
}
