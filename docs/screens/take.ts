/**
 * Screenshots of the main screens, as the README shows them: the case file, My cases and
 * the supervisor's queues, on a phone (390 px) and a desktop (1280 px), in Bahasa Indonesia
 * and English, on the demo data.
 *
 *   npm run build && PAYUNG_DEMO=1 AUTH_SECRET=… PGLITE_DIR=/tmp/payung-screens npm start &
 *   npx tsx docs/screens/take.ts [http://127.0.0.1:3000]
 *
 * Writes docs/screens/<screen>-<width>-<language>.png. Demo people only: no real data.
 */
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumPath } from '../../e2e/browser';

const BASE = process.argv[2] ?? 'http://127.0.0.1:3000';
const OUT = path.dirname(new URL(import.meta.url).pathname);
const PASSWORD = 'payung-demo';
const WIDTHS = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
];
const LANGUAGES = [
  { name: 'id', locale: 'id-ID' },
  { name: 'en', locale: 'en-GB' },
];

async function signedIn(browser: Browser, email: string, locale: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ locale, viewport, timezoneId: 'Asia/Jakarta', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

async function shoot(page: Page, file: string) {
  await page.locator('h1').first().waitFor();
  await page.screenshot({ path: path.join(OUT, file), fullPage: true });
  console.log(file);
}

async function main() {
  const browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  try {
    for (const { name: language, locale } of LANGUAGES) {
      for (const { name: width, viewport } of WIDTHS) {
        const officer = await signedIn(browser, 'officer.kul@payung.test', locale, viewport);
        await officer.goto(`${BASE}/cases`);
        await shoot(officer, `my-cases-${width}-${language}.png`);
        // The case file of the case at the top of My cases (what needs doing comes first there too).
        await officer.locator('table a[href^="/cases/"]').first().click();
        await officer.waitForURL(/\/cases\/[0-9a-f-]{36}/);
        await shoot(officer, `case-file-${width}-${language}.png`);
        await officer.context().close();

        const supervisor = await signedIn(browser, 'supervisor@payung.test', locale, viewport);
        await supervisor.goto(`${BASE}/queues`);
        await shoot(supervisor, `queues-${width}-${language}.png`);
        await supervisor.context().close();
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
