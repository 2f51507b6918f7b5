import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the production build with this environment and waits for it to stop: its exit code and everything it printed. */
async function startRefused(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string; port: number }> {
  const port = await freePort();
  const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      server.kill('SIGKILL');
      resolve(null);
    }, 90_000);
    server.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return { code, output, port };
}

/** What every refusal must make plain: why, that the server is not running (Next.js has printed "Ready" by then), and nothing answers. */
async function expectRefused(result: { code: number | null; output: string; port: number }, reason: RegExp) {
  expect(result.code, result.output).toBe(1);
  expect(result.output).toMatch(reason);
  expect(result.output).toContain('Payung is NOT running (ignore "Ready" above');
  const ready = result.output.indexOf('Ready');
  if (ready >= 0) expect(ready).toBeLessThan(result.output.indexOf('Cannot start'));
  await expect(fetch(`http://127.0.0.1:${result.port}/api/health`)).rejects.toThrow();
}

/** The tests' environment without the settings a start checks, plus `extra`. */
const productionEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const { AUTH_SECRET: _a, NEXTAUTH_SECRET: _n, DATABASE_URL: _d, PAYUNG_DEMO: _p, NODE_ENV: _e, ...rest } = process.env;
  return { ...rest, ...extra, NODE_ENV: 'production' };
};

test.describe('a start that must not run', () => {
  test.setTimeout(120_000);

  test('without AUTH_SECRET, even for a demonstration, stops and says so after Next.js’s "Ready"', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'payung-refused-'));
    try {
      const result = await startRefused(productionEnv({ PGLITE_DIR: dir, PAYUNG_DEMO: '1' }));
      await expectRefused(result, /Cannot start: AUTH_SECRET is not set\. .*A demonstration start \(PAYUNG_DEMO=1\) needs one too\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('on a PostgreSQL database without the migrations, stops and names the command to run', async () => {
    const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
    test.skip(!serverUrl, 'needs a PostgreSQL server (TEST_DATABASE_URL or DATABASE_URL)');
    const { default: postgres } = await import('postgres');
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    const name = `payung_unmigrated_${randomBytes(5).toString('hex')}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(serverUrl!);
      url.pathname = `/${name}`;
      const result = await startRefused(productionEnv({ DATABASE_URL: url.toString(), AUTH_SECRET: 'startup-spec-secret-not-for-production-0000' }));
      await expectRefused(result, /Cannot start: The database has 0 of \d+ migrations applied\. Run `npm run db:migrate` first\./);
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
