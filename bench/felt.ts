/**
 * `npm run bench:felt [-- --port 3150] [--url http://127.0.0.1:3000] [--out bench/results/felt.md]`:
 * speed as a person feels it. Starts the production build (`npm run build` first) the way the
 * end-to-end tests do (e2e/serve.sh: `next start`, PAYUNG_DEMO=1, a fresh embedded database,
 * here with the first start's demonstration cases), or uses the server at --url. Then, in
 * Chromium, signs in as each demo role and opens the main pages of that role — its navigation,
 * a case file, New case, a report — twice, printing for each the time from the start of the
 * navigation until the page's main heading (h1) is visible, and writes them as a table.
 * The target is 1 s for every page on this kind of machine.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Page, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser';

const TARGET_MS = 1000;
const PASSWORD = 'payung-demo';
const ROLES = ['officer.kul@payung.test', 'supervisor@payung.test', 'admin@payung.test', 'auditor@payung.test'];

/** Milliseconds from the start of the navigation: to the main heading on screen, and to the page's last byte; its size. */
interface Visit {
  heading: number;
  lastByte: number;
  kilobytes: number;
}

interface Row {
  account: string;
  page: string;
  first: Visit;
  second: Visit;
}

async function waitForHealth(base: string, server: ChildProcess | null, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server && server.exitCode !== null) throw new Error(`the server stopped (exit code ${server.exitCode}); see its log`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not answer within ${timeoutMs / 1000} s`);
}

/** `next start` on a fresh embedded database with the demonstration set, as e2e/serve.sh starts the tests' server. */
function startServer(port: number, base: string, dataDir: string, log: string): ChildProcess {
  return spawn('bash', ['e2e/serve.sh'], {
    stdio: 'ignore',
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      PGLITE_DIR: dataDir,
      E2E_SERVER_LOG: log,
      PAYUNG_E2E_SKIP_BUILD: '1',
      NEXTAUTH_URL: base,
      AUTH_SECRET: process.env.AUTH_SECRET || 'felt-bench-secret-not-for-production-00000',
      PAYUNG_DEMO: '1',
      PAYUNG_DEMO_CASES: '1',
      DATABASE_URL: '',
    },
  });
}

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel(/^(Email address|Alamat email)$/).fill(email);
  await page.getByLabel(/^(Password|Kata sandi)$/).fill(PASSWORD);
  await page.getByRole('button', { name: /^(Sign in|Masuk)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** From the start of the navigation until the page's main heading is on screen; and when the server had sent it all. */
async function timeToHeading(page: Page, href: string): Promise<Visit> {
  const started = performance.now();
  await page.goto(href, { waitUntil: 'commit' });
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 60_000 });
  const heading = Math.round(performance.now() - started);
  const sent = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { lastByte: Math.round(nav.responseEnd), kilobytes: Math.round(nav.decodedBodySize / 1024) };
  });
  return { heading, ...sent };
}

const isSlow = (r: Row) => r.first.heading > TARGET_MS || r.second.heading > TARGET_MS;

/** The role's own navigation, then a case file, New case and a report where the role has them. */
async function pagesOf(page: Page): Promise<string[]> {
  const nav = await page.locator('nav[aria-label] a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  const pages = [...new Set(nav)];
  const list = pages.includes('/cases') ? '/cases' : pages.includes('/queues') ? '/queues' : null;
  if (list) {
    await page.goto(list);
    const caseFile = await page.locator('main a[href^="/cases/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!).find((h) => /^\/cases\/[0-9a-f-]{36}$/.test(h)));
    if (caseFile) pages.push(caseFile);
  }
  if (pages.includes('/cases')) pages.push('/cases/new');
  if (pages.includes('/reports')) pages.push(`/reports?period=${new Date().getFullYear()}`);
  return pages;
}

function table(rows: Row[], context: string[]): string {
  const name = (href: string) => (/^\/cases\/[0-9a-f-]{36}$/.test(href) ? '/cases/<id> (a case file)' : href);
  const over = rows.filter(isSlow);
  return [
    '# Speed as felt: time to the main heading',
    '',
    ...context,
    '',
    '| account | page | first visit (ms) | its last byte (ms) | second visit (ms) | its last byte (ms) | HTML (KB) | over 1 s |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.account} | ${name(r.page)} | ${r.first.heading} | ${r.first.lastByte} | ${r.second.heading} | ${r.second.lastByte} | ${r.second.kilobytes} | ${isSlow(r) ? 'yes' : ''} |`),
    '',
    over.length ? `Over ${TARGET_MS} ms: ${over.map((r) => `${r.account.split('@')[0]} ${name(r.page)}`).join(', ')}.` : `Every page within ${TARGET_MS} ms.`,
    '',
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.BENCH_FELT_PORT || '3150' }, url: { type: 'string' }, out: { type: 'string', default: 'bench/results/felt.md' } } });
  const port = Number(values.port);
  const base = values.url?.replace(/\/$/, '') ?? `http://127.0.0.1:${port}`;
  const dataDir = values.url ? null : mkdtempSync(path.join(os.tmpdir(), 'payung-felt-'));
  const log = path.resolve('test-reports/felt-server.log');
  mkdirSync(path.dirname(log), { recursive: true });
  const server = dataDir ? startServer(port, base, dataDir, log) : null;
  const stopServer = () => {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  };
  process.on('SIGINT', () => {
    stopServer();
    process.exit(130);
  });
  try {
    const startedAt = performance.now();
    await waitForHealth(base, server, 400_000);
    if (server) console.log(`server ready on ${base} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s (log: ${log})`);
    const loadBefore = os.loadavg()[0]!.toFixed(1);
    const browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: CHROMIUM_ARGS });
    const rows: Row[] = [];
    for (const account of ROLES) {
      const context = await browser.newContext({ baseURL: base, locale: 'en-GB', timezoneId: 'Asia/Jakarta' });
      const page = await context.newPage();
      await signIn(page, account);
      for (const href of await pagesOf(page)) {
        const first = await timeToHeading(page, href);
        const second = await timeToHeading(page, href);
        rows.push({ account, page: href, first, second });
        const shown = (v: Visit) => `${String(v.heading).padStart(6)} ms (sent ${String(v.lastByte).padStart(5)})`;
        console.log(`${account.padEnd(26)} ${href.padEnd(48)} ${shown(first)} ${shown(second)} ${String(second.kilobytes).padStart(4)} KB${isSlow(rows.at(-1)!) ? '  over 1 s' : ''}`);
      }
      await context.close();
    }
    await browser.close();
    const context = [
      `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${server ? 'the production build started by the script (`next start`, PAYUNG_DEMO=1, a fresh embedded database with the first start’s demonstration set)' : base} · Node ${process.version} · ${os.cpus().length} CPUs · load average ${loadBefore} before, ${os.loadavg()[0]!.toFixed(1)} after (the machine is shared).`,
      '',
      'A visit is `page.goto` until the first `h1` is visible: the whole document, as when a link is opened or the page reloaded. The first visit is the first of that page since the server started, for that account; the second follows straight after. "Last byte" is when the server had sent the whole page (Navigation Timing `responseEnd`; pages stream, so it is the server’s work and the transfer): the rest is the browser’s. HTML is the page’s size as received (second visit).',
    ];
    mkdirSync(path.dirname(values.out), { recursive: true });
    writeFileSync(values.out, table(rows, context));
    console.log(`written to ${values.out}`);
  } finally {
    stopServer();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench:felt failed: ${(e as Error).message}`);
  process.exit(1);
});
