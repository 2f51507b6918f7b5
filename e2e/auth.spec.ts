import { expect, test } from '@playwright/test';
import { createUserAsAdmin, expectAccessible, signIn, signOut, uniqueEmail, visit, errorSummary } from './fixtures';

const HOMES = [
  { email: 'officer.kul@payung.test', url: /\/cases$/, heading: 'My cases', who: /Siti Rahmawati · Consular officer · KUL/ },
  { email: 'officer.jed@payung.test', url: /\/cases$/, heading: 'My cases', who: /Consular officer · JED/ },
  { email: 'officer.per@payung.test', url: /\/cases$/, heading: 'My cases', who: /Consular officer · PER/ },
  { email: 'supervisor@payung.test', url: /\/queues$/, heading: 'All open cases', who: /Ratna Wijaya · Supervisor/ },
  { email: 'admin@payung.test', url: /\/admin\/users$/, heading: 'Users', who: /Admin Payung · Administrator/ },
  { email: 'auditor@payung.test', url: /\/audit$/, heading: 'Audit trail', who: /Bambang Sutrisno · Auditor/ },
];

test('the sign-in page is the way in', async ({ page }) => {
  await page.goto('/cases');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);
});

for (const home of HOMES) {
  test(`${home.email} signs in and reaches their home`, async ({ page }) => {
    await signIn(page, home.email);
    await expect(page).toHaveURL(home.url);
    await expect(page.getByRole('heading', { level: 1, name: home.heading })).toBeVisible();
    await expect(page.getByTestId('current-user')).toHaveText(home.who);
    await expectAccessible(page);
  });
}

test('an officer registers cases at their own mission, with times in its time zone', async ({ page }) => {
  await signIn(page, 'officer.per@payung.test');
  await page.goto('/cases/new');
  // Officers do not choose: their cases belong to their mission.
  await expect(page.getByLabel('Mission')).toHaveCount(0);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Perth Subject');
  await page.getByLabel('Account of events').fill('Wages withheld on a farm.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^PER-\d{4}-\d{5}$/);
  // Perth is UTC+8; the directorate in Jakarta is UTC+7.
  await expect(page.getByRole('complementary', { name: 'Timeline' })).toContainText('GMT+8');
});

test('a supervisor for all missions sees every mission in scope', async ({ page }) => {
  await signIn(page, 'supervisor@payung.test');
  await page.getByText('Filters', { exact: true }).click();
  const missions = page.getByLabel('Mission', { exact: true }).locator('option');
  await expect(missions.filter({ hasText: /^KUL · / })).toHaveCount(1);
  await expect(missions.filter({ hasText: /^PNH · / })).toHaveCount(1);
});

test('a wrong password gets a plain message and keeps the address typed', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test', 'not-the-password');
  await expect(errorSummary(page)).toContainText('The email address or password is not right');
  await expect(page.getByLabel('Email address')).toHaveValue('officer.kul@payung.test');
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);
});

test('empty fields are named beside the field and in the summary', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /Email address: Enter a value/ })).toBeVisible();
  await expect(page.locator('#password-error')).toContainText('Enter a value');
  await expectAccessible(page);
});

test('five wrong passwords in a row make this place wait, even with the right one', async ({ browser, page }) => {
  const email = uniqueEmail('lockme');
  const { adminPage } = await createUserAsAdmin(browser, { name: 'Lock Me', email, role: 'Auditor', password: 'correct-horse-battery' });
  await adminPage.context().close();
  for (let i = 1; i <= 4; i++) {
    await signIn(page, email, `wrong-${i}`);
    await expect(errorSummary(page)).toContainText('not right');
  }
  await signIn(page, email, 'wrong-5');
  await expect(errorSummary(page)).toContainText('wait a few minutes before you try again');
  await signIn(page, email, 'correct-horse-battery');
  await expect(errorSummary(page)).toContainText('wait a few minutes before you try again');
  await expect(page).toHaveURL(/\/login/);
});

test('an address that has no account makes one wait the same way, revealing nothing', async ({ page }) => {
  const email = uniqueEmail('nobody');
  for (let i = 1; i <= 5; i++) await signIn(page, email, `wrong-${i}`);
  await expect(errorSummary(page)).toContainText('wait a few minutes before you try again');
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'officer.jed@payung.test');
  await expect(page).toHaveURL(/\/cases$/);
  await signOut(page);
  await page.goto('/cases');
  await expect(page).toHaveURL(/\/login/);
});

test('an officer cannot reach admin or audit pages, nor admin data by direct address', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['My cases', 'My drafts', 'Hearings', 'Reports', 'My exports']);
  for (const path of ['/admin/users', '/admin/users/new', '/admin/missions', '/admin/missions/1', '/audit', '/queues', '/imports', '/exports/case-list']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('admin@payung.test')).toHaveCount(0);
  }
  await expectAccessible(page);
});

test('a deactivated user is signed out on their very next request', async ({ browser, page }) => {
  const email = uniqueEmail('leaver');
  const { adminPage } = await createUserAsAdmin(browser, { name: 'Leaving Officer', email, role: 'Consular officer', mission: /^KUL/, password: 'a-good-password' });
  await signIn(page, email, 'a-good-password');
  await expect(page).toHaveURL(/\/cases$/);

  await adminPage.getByRole('button', { name: 'Deactivate user' }).click();
  await expect(adminPage.getByText('will be signed out at once')).toBeVisible();
  await expectAccessible(adminPage);
  await adminPage.getByRole('button', { name: 'Yes, deactivate' }).click();
  await expect(adminPage.getByRole('heading', { level: 1 })).toContainText('Deactivated');

  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('Your session has ended')).toBeVisible();
  await signIn(page, email, 'a-good-password');
  await expect(errorSummary(page)).toContainText('not right');
  await adminPage.context().close();
});

test('the health check names the database and its migrations', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: 'ok', migrations: { current: true } });
  expect(['pglite', 'postgres']).toContain(body.database);
  expect(body.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
});

test('a script signs in as a browser does, through the credentials fields', async ({ request }) => {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: 'supervisor@payung.test', password: 'payung-demo', json: 'true' },
  });
  expect(response.ok()).toBe(true);
  const queues = await request.get('/queues');
  expect(queues.status()).toBe(200);
  expect(await queues.text()).toContain('Ratna Wijaya');
});

test('visit helper scans the audit trail page', async ({ page }) => {
  await signIn(page, 'auditor@payung.test');
  await expect(page).toHaveURL(/\/audit$/);
  await visit(page, '/audit?verify=1');
  await expect(page.getByRole('status')).toContainText('The trail is intact');
  await expect(page.getByRole('table')).toContainText('auth.sign_in');
});

test('a sign-in submitted before the page’s scripts have loaded never puts the password in the address', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email address').fill('officer.kul@payung.test');
  await page.getByLabel('Password').fill('payung-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('load');
  expect(page.url()).not.toContain('payung-demo');
  expect(page.url()).not.toContain('password');
  await context.close();
});

test('the audit records the address of the connection, not one a client claims in X-Forwarded-For', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB', extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.9' } });
  const page = await context.newPage();
  await signIn(page, 'auditor@payung.test');
  await expect(page).toHaveURL(/\/audit$/);
  // The newest row is this sign-in; no proxy is trusted in the test server, so the address is the connection's.
  const newest = page.getByRole('table').getByRole('row').nth(1);
  await expect(newest).toContainText('auth.sign_in');
  await expect(newest).toContainText('127.0.0.1');
  await expect(page.getByRole('table')).not.toContainText('203.0.113.9');
  await context.close();
});
