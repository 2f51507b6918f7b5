import type { Page } from '@playwright/test';
import { chooseIntakeFacts, createUserAsAdmin, expect, expectAccessible, signIn, test, uniqueEmail } from './fixtures';

/** A civil case at the officer's mission, created through the intake; its reference. */
async function civilCase(page: Page, name: string): Promise<string> {
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill(name);
  await page.getByLabel('Category').selectOption({ label: 'Civil and family' });
  await page.getByLabel('Account of events').fill('Custody dispute after a divorce abroad.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  return (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
}

test('a supervisor filters a queue, reopens it from its address, and bulk-assigns three cases; a mixed selection is refused whole', async ({ page, browser }) => {
  const officerName = `Second Perth Officer ${Date.now().toString(36)}`;
  const { adminPage } = await createUserAsAdmin(browser, { name: officerName, email: uniqueEmail('per2'), role: 'Consular officer', mission: /^PER/, password: 'perth-officer-2' });
  await adminPage.context().close();

  const perth = await browser.newContext({ locale: 'en-GB' });
  const per = await perth.newPage();
  await signIn(per, 'officer.per@payung.test');
  const perRefs = [await civilCase(per, 'Queue Perth One'), await civilCase(per, 'Queue Perth Two'), await civilCase(per, 'Queue Perth Three')];
  await perth.close();
  // Not officer.jed: the language spec leaves that officer reading Indonesian.
  const kualaLumpur = await browser.newContext({ locale: 'en-GB' });
  const kul = await kualaLumpur.newPage();
  await signIn(kul, 'officer.kul@payung.test');
  const kulRef = await civilCase(kul, 'Queue Kuala Lumpur One');
  await kualaLumpur.close();

  await signIn(page, 'supervisor@payung.test');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All open cases');
  const views = page.getByRole('navigation', { name: 'Queues' });
  await expect(views.getByRole('link', { name: /Unassigned/ })).toBeVisible();
  await expectAccessible(page);

  // Civil cases at two missions, one officer of Perth: nothing is assigned, and the Kuala Lumpur case is named.
  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Civil and family' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/category=civil/);
  for (const ref of [...perRefs, kulRef]) await page.getByRole('checkbox', { name: `Select ${ref}` }).check();
  await page.getByLabel('Officer', { exact: true }).selectOption({ label: `${officerName} (PER)` });
  await page.getByRole('button', { name: 'Apply to 4 cases' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was changed. These cases cannot be changed:' });
  await expect(refusal).toContainText(`${kulRef}: at another mission than the officer's`);
  await expect(page.getByRole('row').filter({ hasText: perRefs[0]! })).toContainText('Dewi Lestari');

  // Narrowed to Perth: the address holds the filters, and opening it again gives the same rows.
  await page.getByLabel('Mission', { exact: true }).selectOption({ value: 'PER' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/mission=PER/);
  await expect(page.getByRole('status').filter({ hasText: /^3 cases$/ })).toBeVisible();
  const bookmark = page.url();
  const rowsOf = async (p: Page) => (await p.getByRole('table').getByRole('link').allTextContents()).filter((x) => /^[A-Z]{3}-\d{4}-\d{5}$/.test(x));
  const shown = await rowsOf(page);
  expect(shown.sort()).toEqual([...perRefs].sort());
  const colleague = await page.context().newPage();
  await colleague.goto(bookmark);
  expect((await rowsOf(colleague)).sort()).toEqual(shown.sort());
  await colleague.close();

  // Saved under a name and shared, the view is one click away, for this supervisor and the others.
  await page.getByText('Save this view', { exact: true }).click();
  await page.getByLabel('Name of the view').fill('Perth civil');
  await page.getByLabel('Share with other supervisors').check();
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as “Perth civil”.' })).toBeVisible();
  const savedViews = page.getByRole('navigation', { name: 'Saved views' });
  await savedViews.getByRole('link', { name: /Perth civil/ }).click();
  await expect(page).toHaveURL(/\/queues\?mission=PER&category=civil$/);
  expect((await rowsOf(page)).sort()).toEqual(shown.sort());

  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  await expect(page.getByText('3 cases selected')).toBeVisible();
  await page.getByLabel('Officer', { exact: true }).selectOption({ label: `${officerName} (PER)` });
  await page.getByRole('button', { name: 'Apply to 3 cases' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 cases updated' })).toBeVisible();
  for (const ref of perRefs) await expect(page.getByRole('row').filter({ hasText: ref })).toContainText(officerName);
  await expectAccessible(page);

  await page.getByRole('row').filter({ hasText: perRefs[0]! }).getByRole('link', { name: perRefs[0]! }).click();
  await expect(page.getByRole('complementary', { name: 'Timeline' })).toContainText(`Assigned to ${officerName}`);
});

test('a closure request shows in the awaiting-approval queue and is approved from the inbox', async ({ page, browser }) => {
  const perth = await browser.newContext({ locale: 'en-GB' });
  const per = await perth.newPage();
  await signIn(per, 'officer.per@payung.test');
  const reference = await civilCase(per, 'Closure Queue Person');
  await per.getByRole('button', { name: 'Request closure' }).click();
  await per.getByLabel('Outcome').selectOption({ label: 'Resolved' });
  await per.getByLabel('Summary for the approver').fill('Custody agreed through mediation.');
  await per.getByRole('button', { name: 'Send closure request' }).click();
  await expect(per.locator('.case-header')).toContainText('Closure requested');
  await perth.close();

  await signIn(page, 'supervisor@payung.test');
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /Awaiting approval/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Awaiting approval');
  await expect(page.getByRole('table')).toContainText(reference);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
  const request = page.getByRole('article', { name: new RegExp(reference) });
  await request.getByRole('button', { name: 'Approve closure' }).click();
  await expect(page.getByRole('article', { name: new RegExp(reference) })).toHaveCount(0);
  await page.goto('/queues/awaiting_approval');
  await expect(page.getByText(reference)).toHaveCount(0);
});

test('an officer cannot open the queues', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queues' })).toHaveCount(0);
  for (const path of ['/queues', '/queues/unassigned', '/queues/children?mission=KUL']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test('the dashboard draws each chart with its numbers beside it; officers have none', async ({ page, browser }) => {
  const perth = await browser.newContext({ locale: 'en-GB' });
  const per = await perth.newPage();
  await signIn(per, 'officer.per@payung.test');
  await civilCase(per, 'Dashboard Person');
  await perth.close();

  await signIn(page, 'supervisor@payung.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
  const byMission = page.getByRole('table', { name: 'Open cases by mission' });
  const perRow = byMission.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'PER' }) });
  await expect(perRow).toHaveCount(1);
  expect(Number(await perRow.getByRole('cell').textContent())).toBeGreaterThanOrEqual(1);
  const flow = page.getByRole('table', { name: 'Opened and closed, last 12 months' });
  await expect(flow.getByRole('row')).toHaveCount(13);
  await expect(page.getByRole('table', { name: 'Open cases by category' })).toContainText('Civil and family');
  // The charts are drawn (SVG) and hidden from screen readers, which read the tables.
  await expect(page.locator('#open-by-mission ~ .panel-body .chart svg, section[aria-labelledby="open-by-mission"] .chart svg').first()).toBeVisible();
  await expectAccessible(page);

  const officer = await browser.newContext({ locale: 'en-GB' });
  const kul = await officer.newPage();
  await signIn(kul, 'officer.kul@payung.test');
  expect((await kul.goto('/dashboard'))?.status()).toBe(404);
  await officer.close();
});
