import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/browser';

const PORT = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
/** what the web server printed, read by the teardown (e2e/server-log.ts) */
export const SERVER_LOG = process.env.E2E_SERVER_LOG || 'test-reports/e2e-server.log';

/**
 * End-to-end tests run against the production build, started with the demo data on a fresh
 * embedded database (or DATABASE_URL when set). The web server owns the database: tests
 * create their data through the app.
 */
export default defineConfig({
  testDir: './e2e',
  globalTeardown: './e2e/server-log.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-reports/playwright.json' }]] : [['list']],
  use: {
    baseURL,
    locale: 'en-GB',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath() ?? undefined,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: 'bash e2e/serve.sh',
    url: `${baseURL}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      E2E_SERVER_LOG: SERVER_LOG,
      NEXTAUTH_URL: baseURL,
      AUTH_SECRET: process.env.AUTH_SECRET || 'e2e-only-secret-not-for-production-000000',
      PAYUNG_DEMO: '1',
      // accounts only: the specs start from no cases (empty states, first numbers); bench/felt.ts starts with them
      PAYUNG_DEMO_CASES: '0',
      PGLITE_DIR: process.env.E2E_PGLITE_DIR || '.e2e-data',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
  },
});
