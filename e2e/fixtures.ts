import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Locator, type Page, test as base, expect } from '@playwright/test';

/**
 * Playwright's test, failing any test in which a page (of the test's own context or of any it
 * opens) reported a Content-Security-Policy violation: something the policy blocked.
 */
export const test = base.extend<{ contentSecurityGuard: void; violationsExpected: boolean }>({
  /** for the test that checks the policy blocks what it should */
  violationsExpected: [false, { option: true }],
  contentSecurityGuard: [
    async ({ browser, context, violationsExpected }, use) => {
      const violations: string[] = [];
      const watch = (c: BrowserContext) =>
        c.on('console', (m) => {
          if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(`${m.location().url}: ${m.text()}`);
        });
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const c = await newContext(...args);
        watch(c);
        return c;
      };
      await use();
      browser.newContext = newContext;
      if (!violationsExpected) expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const DEMO_PASSWORD = 'payung-demo';

/** Fails on any serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  // Next.js streams the <title> after the body: wait for it rather than scan a page mid-update.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `accessibility of ${page.url()}`,
  ).toEqual([]);
}

/** Opens a page and scans it. */
export async function visit(page: Page, path: string) {
  await page.goto(path);
  await expectAccessible(page);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel(/^(Email address|Alamat email)$/).fill(email);
  await page.getByLabel(/^(Password|Kata sandi)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Masuk)$/ }).click();
  // Done when the app has moved on, or has said why not.
  await Promise.race([page.waitForURL((url) => !url.pathname.startsWith('/login')), errorSummary(page).waitFor()]);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /^(Sign out|Keluar)$/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

export function uniqueEmail(prefix: string) {
  return `${prefix}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}@payung.test`;
}

export interface NewUser {
  name: string;
  email: string;
  role: 'Consular officer' | 'Supervisor' | 'Administrator' | 'Auditor';
  mission?: RegExp;
  password: string;
}

/** The one-time link a user sets their password with, as its user would: in a browser of their own. */
export async function setPasswordThroughLink(browser: Browser, link: string, password: string) {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Type the new password again').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password is set' })).toBeVisible();
  await context.close();
}

/**
 * Signs in as the demo admin in a context of its own and creates a user through the admin
 * pages; the user sets their password through the one-time link shown (a supervisor's or
 * admin's role is confirmed first by the second demo admin). The admin's page is left on the
 * new user's page.
 */
export async function createUserAsAdmin(browser: Browser, user: NewUser): Promise<{ adminPage: Page; userUrl: string }> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const adminPage = await context.newPage();
  await signIn(adminPage, 'admin@payung.test');
  await expect(adminPage).toHaveURL(/\/admin\/users$/);
  await adminPage.getByRole('link', { name: 'Add a user' }).click();
  await adminPage.getByLabel('Full name').fill(user.name);
  await adminPage.getByLabel('Email address').fill(user.email);
  await adminPage.getByLabel('Role').selectOption({ label: user.role });
  if (user.mission) {
    const option = adminPage.getByLabel('Mission', { exact: true }).locator('option', { hasText: user.mission });
    await adminPage.getByLabel('Mission', { exact: true }).selectOption((await option.first().getAttribute('value'))!);
  }
  await adminPage.getByRole('button', { name: 'Create user' }).click();
  const link = await adminPage.getByLabel('Set-password link').inputValue();
  expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{40,}$/);
  await adminPage.getByRole('link', { name: `Open ${user.name}’s account` }).click();
  await expect(adminPage.getByRole('heading', { level: 1 })).toContainText(user.name);
  const userUrl = adminPage.url().replace(/\?.*$/, '');
  if (user.role === 'Supervisor' || user.role === 'Administrator') await confirmRoleAsSecondAdmin(browser, userUrl);
  await setPasswordThroughLink(browser, link, user.password);
  return { adminPage, userUrl };
}

/** The second demo admin confirms a supervisor's or admin's role. */
export async function confirmRoleAsSecondAdmin(browser: Browser, userUrl: string) {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, 'admin2@payung.test');
  await page.goto(userUrl);
  await page.getByRole('button', { name: /^Confirm the role/ }).click();
  await expect(page.getByRole('button', { name: /^Confirm the role/ })).toHaveCount(0);
  await context.close();
}

/** The error summary at the top of a form (Next.js's route announcer is an alert too). */
export function errorSummary(page: Page) {
  return page.getByRole('alert', { name: /^(There is a problem|Ada masalah)$/ });
}

/**
 * The facts an intake records that nothing preselects (issue 14): how the case reached the mission,
 * its risk, and a category (labour unless the test chooses another afterwards). English pages.
 */
export async function chooseIntakeFacts(page: Page) {
  await page.getByLabel('Category').selectOption({ label: 'Labour' });
  await page.getByLabel('How the case reached us').selectOption({ label: 'Walk-in' });
  await page.getByLabel('Risk level').selectOption({ label: 'Medium' });
}

/** What a new proceeding records that nothing preselects: whose it is (the first person listed), where, and in what role. */
export async function chooseProceedingFacts(form: Locator, opts: { role?: string } = {}) {
  await form.getByLabel('Person').selectOption({ index: 1 });
  await form.getByLabel('Jurisdiction').selectOption({ label: 'Host country' });
  await form.getByLabel('Role in the proceeding').selectOption({ label: opts.role ?? 'Defendant' });
}

/** Creates a case through the intake form as the signed-in officer; the page is left on the new case file. */
export async function createCase(page: Page, opts: { name: string; account: string; category?: string }) {
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill(opts.name);
  if (opts.category) await page.getByLabel('Category').selectOption({ label: opts.category });
  await page.getByLabel('Account of events').fill(opts.account);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
}

/** Opens a section of the case file (sections open on demand) and returns it. */
export async function openSection(page: Page, name: string): Promise<Locator> {
  const section = page.getByRole('region', { name, exact: true });
  const details = section.locator(':scope > details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await section.locator(':scope > details > summary').click();
  await expect(details).toHaveAttribute('open', '');
  return section;
}
