import type { Page } from '@playwright/test';
import { chooseIntakeFacts, createUserAsAdmin, errorSummary, expect, expectAccessible, signIn, test, uniqueEmail, openSection } from './fixtures';

async function completeStep(page: Page, label: string, provider?: string, record: Record<string, string> = {}) {
  const form = page.getByRole('form', { name: `Update ${label}` });
  await openSection(page, 'Protection steps');
  // The page may still be re-rendering after the previous save: open the editor until it shows.
  await expect(async () => {
    await page.getByRole('button', { name: `Update ${label}` }).click({ timeout: 2000 });
    await expect(form).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await form.getByLabel('Status').selectOption({ label: 'Done' });
  if (provider) await form.getByLabel('Provider (optional)').fill(provider);
  for (const [field, value] of Object.entries(record)) await form.getByLabel(`${field} (optional)`, { exact: true }).fill(value);
  await form.getByRole('button', { name: 'Save step' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(label.replace(/[()]/g, '\\$&')) })).toContainText('Done');
}

test('the life of a trafficking case: steps, services, closure request and the supervisor’s approval', async ({ page, browser }) => {
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Nur Hidayah');
  await page.getByLabel('Category').selectOption({ label: 'Trafficking in persons' });
  await page.getByLabel('Account of events').fill('Rescued from a massage parlour in Kuala Lumpur by the police.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  const caseUrl = page.url().replace(/\?.*$/, '');

  // Payung proposes the category's steps; the officer leaves out two.
  const proposed = page.getByRole('group', { name: 'Proposed steps for this category' });
  await expect(proposed).toContainText('Safety and shelter');
  await expectAccessible(page);
  await proposed.getByLabel(/^Restitution/).uncheck();
  await proposed.getByLabel(/^Follow the prosecution/).uncheck();
  await page.getByRole('button', { name: 'Add 9 steps' }).click();
  const steps = page.getByRole('table', { name: 'Protection steps' });
  await expect(steps.getByRole('row')).toHaveCount(10);

  // The officer's home lists what is due this week.
  await page.goto('/cases');
  await expect(page.getByRole('region', { name: 'Steps due this week' })).toContainText(reference);
  await page.goto(caseUrl);

  await page.getByRole('button', { name: 'Mark as in progress' }).click();
  await expect(page.locator('.case-header')).toContainText('In progress');
  await completeStep(page, 'Safety and shelter', 'KBRI shelter', { Where: 'KBRI Kuala Lumpur shelter', From: '2026-11-02', To: '2026-11-20' });
  await expect(page.getByRole('row', { name: /Safety and shelter/ })).toContainText('Where: KBRI Kuala Lumpur shelter');
  for (const [label, provider] of [
    ['Screening and assessment', 'KBRI Kuala Lumpur'],
    ['Health and psychosocial care', 'Hospital Kuala Lumpur'],
    ['Report to the police (host and home)', 'PDRM and Bareskrim'],
    ['Legal accompaniment', undefined],
    ['Travel document (SPLP)', undefined],
    ['Handover to social or child-protection services', 'Social affairs ministry'],
    ['Reintegration', 'Women’s empowerment office, Indramayu'],
  ] as const) {
    await completeStep(page, label, provider);
  }
  await completeStep(page, 'Repatriation', 'KBRI with IOM', { Route: 'KUL–CGK–KJT', 'Receiving agency on arrival': 'BP3MI Jawa Barat' });
  await expect(page.getByRole('row', { name: /^Repatriation/ })).toContainText('Route: KUL–CGK–KJT');
  await expect(page.getByRole('complementary', { name: 'Timeline' })).toContainText('Where: — → KBRI Kuala Lumpur shelter');
  // A step's status in words ("Planned → Done"), not its codes.
  await expect(page.getByRole('complementary', { name: 'Timeline' })).toContainText(/Status: (Planned|In progress) → Done/);
  await expect(page.getByRole('complementary', { name: 'Timeline' })).not.toContainText('planned → done');

  await page.getByRole('button', { name: 'Request closure' }).click();
  await page.getByLabel('Outcome').selectOption({ label: 'Reintegrated' });
  await page.getByLabel('Summary for the approver').fill('Sheltered, treated, repatriated and handed over; back with her family.');
  await page.getByRole('button', { name: 'Send closure request' }).click();
  await expect(page.locator('.case-header')).toContainText('Closure requested');

  const other = await browser.newContext({ locale: 'en-GB' });
  const supervisor = await other.newPage();
  await signIn(supervisor, 'supervisor@payung.test');
  await supervisor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
  const request = supervisor.getByRole('article', { name: new RegExp(reference) });
  await expect(request).toContainText('Reintegrated');
  await expect(request).toContainText('Special');
  await expectAccessible(supervisor);
  await request.getByLabel('Comment').fill('Well handled.');
  await request.getByRole('button', { name: 'Approve closure' }).click();
  await expect(supervisor.getByRole('article', { name: new RegExp(reference) })).toHaveCount(0);
  await other.close();

  await page.reload();
  await expect(page.locator('.case-header')).toContainText('Closed');
  const timeline = page.getByRole('complementary', { name: 'Timeline' });
  await expect(timeline).toContainText('Closure approved');
  await expect(timeline).toContainText('Well handled.');
});

test('a rejected closure returns the case to in progress; required steps need an override; an officer cannot approve', async ({ page, browser }) => {
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Unpaid Worker');
  await page.getByLabel('Account of events').fill('Eight months without wages on a plantation.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await page.getByRole('button', { name: /^Add \d+ steps$/ }).click();
  await expect(page.getByRole('table', { name: 'Protection steps' })).toBeVisible();
  await page.getByRole('button', { name: 'Request closure' }).click();
  await page.getByLabel('Outcome').selectOption({ label: 'Declined assistance' });
  await page.getByLabel('Summary for the approver').fill('He chose to stay with the employer.');
  await page.getByRole('button', { name: 'Send closure request' }).click();
  await expect(page.locator('.case-header')).toContainText('Closure requested');

  // Officers have no approvals page.
  const response = await page.goto('/approvals');
  expect(response?.status()).toBe(404);

  const other = await browser.newContext({ locale: 'en-GB' });
  const supervisor = await other.newPage();
  await signIn(supervisor, 'supervisor@payung.test');
  await supervisor.goto('/approvals');
  const request = supervisor.getByRole('article', { name: new RegExp(reference) });
  // The open step is named, and one comment field says why (or why not).
  await expect(request).toContainText('1 required step is still open:');
  // Seen from Jakarta, a time says its zone.
  await expect(request.getByRole('definition').filter({ hasText: 'GMT+7' })).toBeVisible();
  await expect(request.getByRole('listitem').filter({ hasText: 'Verify status and documents' })).toBeVisible();
  await expect(request.getByRole('textbox')).toHaveCount(1);
  await request.getByRole('button', { name: 'Approve closure' }).click();
  await expect(errorSummary(supervisor)).toContainText('Comment: Give a reason to close with required steps open');
  await request.getByRole('button', { name: 'Reject' }).click();
  await expect(errorSummary(supervisor)).toContainText('Say why the request is rejected');
  await request.getByLabel('Comment').fill('Record the mediation first.');
  await request.getByRole('button', { name: 'Reject' }).click();
  await expect(supervisor.getByRole('article', { name: new RegExp(reference) })).toHaveCount(0);
  await other.close();

  await page.goto('/cases');
  await page.getByRole('table').getByRole('link', { name: reference }).click();
  await expect(page.locator('.case-header')).toContainText('In progress');
  await expect(page.getByRole('complementary', { name: 'Timeline' })).toContainText('Record the mediation first.');
});

test('a referral is refused for lack of consent, and goes through once the consent is recorded', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Referral Subject');
  await page.getByLabel('Account of events').fill('Needs return assistance.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);

  const section = await openSection(page, 'Consents and referrals');
  await section.getByRole('button', { name: 'Refer to a partner' }).click();
  const refer = page.getByRole('form', { name: 'Refer to a partner' });
  await refer.getByLabel('Person', { exact: true }).selectOption({ index: 1 });
  await refer.getByLabel('Partner agency').selectOption('IOM');
  await refer.getByLabel('Purpose (optional)').fill('Return and reintegration assistance');
  await refer.getByRole('button', { name: 'Send referral' }).click();
  await expect(errorSummary(page)).toContainText('Record the person\'s consent to sharing with this partner first');
  await expectAccessible(page);
  await refer.getByRole('button', { name: 'Cancel' }).click();

  await section.getByRole('button', { name: 'Record a consent' }).click();
  const consent = page.getByRole('form', { name: 'Record a consent' });
  // Whose consent, and to what, is never preselected.
  await expect(consent.getByLabel('Person', { exact: true })).toHaveValue('');
  await expect(consent.getByLabel('What the person agreed to')).toHaveValue('');
  await consent.getByLabel('Person', { exact: true }).selectOption({ index: 1 });
  await consent.getByLabel('What the person agreed to').selectOption({ label: 'To share their case with a partner' });
  await consent.getByLabel('Partner agency').selectOption('IOM');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(section).toContainText('To share their case with a partner · IOM');

  await section.getByRole('button', { name: 'Refer to a partner' }).click();
  await page.getByRole('form', { name: 'Refer to a partner' }).getByLabel('Person', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('form', { name: 'Refer to a partner' }).getByLabel('Partner agency').selectOption('IOM');
  await page.getByRole('form', { name: 'Refer to a partner' }).getByRole('button', { name: 'Send referral' }).click();
  const row = section.getByRole('row', { name: /IOM/ });
  await expect(row).toContainText('Sent');
  await row.getByRole('button', { name: 'Accepted' }).click();
  await expect(row).toContainText('Accepted');
  await expect(page.getByRole('complementary', { name: 'Timeline' })).toContainText('referred to IOM');
});

test('a case transferred from KUL to Singapore is accepted on the other side, and leaves KUL', async ({ page, browser }) => {
  const sinEmail = uniqueEmail('officer.sin');
  const { adminPage } = await createUserAsAdmin(browser, { name: 'Officer Singapore', email: sinEmail, role: 'Consular officer', mission: /^SIN/, password: 'singapore-pass-1' });
  await adminPage.context().close();

  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Moving Worker');
  await page.getByLabel('Account of events').fill('Unpaid in Johor; now working in Singapore.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  const caseUrl = page.url().replace(/\?.*$/, '');

  await page.getByRole('button', { name: 'Transfer to another mission' }).click();
  const form = page.getByRole('form', { name: 'Transfer to another mission' });
  await form.getByLabel('Receiving mission').selectOption('SIN');
  await form.getByLabel('Why the case moves').fill('The worker moved to Singapore with the same agency.');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Send transfer request' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Transfer to SIN requested' })).toBeVisible();

  const other = await browser.newContext({ locale: 'en-GB' });
  const sin = await other.newPage();
  await signIn(sin, sinEmail, 'singapore-pass-1');
  const incoming = sin.getByRole('region', { name: 'Transfers to your mission' });
  await expect(incoming).toContainText(reference);
  await expect(incoming).toContainText('from KUL to SIN');
  await expect(incoming.getByText('Moving Worker')).toHaveCount(0);
  await expectAccessible(sin);
  await incoming.getByRole('button', { name: 'Accept transfer' }).click();
  await expect(sin).toHaveURL(caseUrl);
  await expect(sin.locator('.case-header')).toContainText('SIN · Embassy in Singapore');
  await expect(sin.locator('.case-header')).toContainText('Moving Worker');
  await expect(sin.getByRole('complementary', { name: 'Timeline' })).toContainText('Transfer accepted by SIN');
  await other.close();

  const response = await page.goto(caseUrl);
  expect(response?.status()).toBe(404);
});
