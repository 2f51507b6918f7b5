import net from 'node:net';
import { generate } from 'otplib';
import { chooseIntakeFacts, createUserAsAdmin, errorSummary, expect, expectAccessible, signIn, signOut, test, uniqueEmail, visit } from './fixtures';

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
  await chooseIntakeFacts(page);
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
  await expect(page.getByRole('table')).toContainText('Signed in');
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
  await expect(newest).toContainText('Signed in');
  await expect(newest).toContainText('127.0.0.1');
  await expect(page.getByRole('table')).not.toContainText('203.0.113.9');
  await context.close();
});

test('every page carries a Content-Security-Policy with a nonce of its own; the API, HSTS and Permissions-Policy headers are set', async ({ request }) => {
  const [first, second] = [await request.get('/login'), await request.get('/login')];
  const policy = first.headers()['content-security-policy']!;
  const nonce = (p: string) => /'nonce-([A-Za-z0-9+/=]{20,})'/.exec(p)?.[1];
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(policy).toContain(d);
  expect(policy).not.toContain('unsafe');
  expect(nonce(policy)).toBeTruthy();
  expect(nonce(second.headers()['content-security-policy']!)).not.toBe(nonce(policy));
  // a redirect to the sign-in page carries one too
  expect((await request.get('/cases', { maxRedirects: 0 })).headers()['content-security-policy']).toContain("'strict-dynamic'");
  expect(first.headers()['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  expect(first.headers()['permissions-policy']).toContain('camera=()');
  expect((await request.get('/api/health')).headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
});

test.describe('the policy at work', () => {
  test.use({ violationsExpected: true });

  test('the page’s own scripts carry the nonce and run; markup that slipped into the page runs nothing', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // as if a name had reached the page unescaped: an inline script, an event handler, a javascript: link
    await page.route('/login', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '<body',
        '<script>window.injected = "inline"</script><img src="data:," onerror="window.injected = \'handler\'"><a id="bad" href="javascript:window.injected = \'link\'">x</a><body',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto('/login');
    // hydrated: the page's own scripts ran
    await expect(page.getByLabel('Email address')).toBeEditable();
    const nonces = await page.locator('script[src], script:not([src])').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(nonces.length).toBeGreaterThan(1);
    await page.locator('#bad').click();
    expect(await page.evaluate(() => (window as { injected?: string }).injected)).toBeUndefined();
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(3);
  });
});

test('a body over its path’s limit is refused with 413 before it is read', async ({ request, baseURL }) => {
  const big = await request.post('/cases/new', { headers: { 'Content-Type': 'text/plain' }, data: Buffer.alloc(2 * 1024 * 1024, 0x61) });
  expect(big.status()).toBe(413);
  expect(await big.text()).toContain('Permintaan terlalu besar: paling banyak 1 MB');
  // an upload may be larger than a form, up to its own limit
  const upload = await request.post('/api/imports', { headers: { 'Content-Type': 'text/plain' }, data: Buffer.alloc(2 * 1024 * 1024, 0x61) });
  expect(upload.status()).not.toBe(413);
  // Over it, the answer comes from the stated length alone: not a byte of the body is sent.
  const { hostname, port } = new URL(baseURL!);
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () =>
      socket.write(`POST /api/imports HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: text/csv\r\nContent-Length: ${21 * 1024 * 1024}\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  expect(answer).toContain('at most 20 MB');
});

test('two-step sign-in: set up with an authenticator app, then asked for a code at every sign-in', async ({ browser, page }) => {
  const email = uniqueEmail('twostep');
  const { adminPage } = await createUserAsAdmin(browser, { name: 'Two Step', email, role: 'Auditor', password: 'two-step-pass-1' });
  await adminPage.context().close();
  await signIn(page, email, 'two-step-pass-1');
  await page.getByRole('link', { name: 'Two-step sign-in' }).click();
  await expect(page.getByText('Two-step sign-in is off.')).toBeVisible();
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code to add Payung to an authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('totp-key').textContent())!.trim();
  await expectAccessible(page);
  await page.getByLabel('Code from the app').fill('000000');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.locator('#code-error')).toContainText('That code is not right');
  // the code of the step before (clocks a little apart are allowed), so the current one is fresh for signing in
  await page.getByLabel('Code from the app').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByText('Two-step sign-in is on.')).toBeVisible();
  await signOut(page);

  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('two-step-pass-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const code = page.getByLabel('Code from your authenticator app');
  await expect(code).toBeFocused();
  await code.fill('123456');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(errorSummary(page)).toContainText('That code is not right');
  await code.fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/audit$/);
});
