import { PDFParse } from 'pdf-parse';
import { chooseIntakeFacts, errorSummary, expect, expectAccessible, signIn, test } from './fixtures';

const bytesOf = async (download: import('@playwright/test').Download) => Buffer.concat(await (await download.createReadStream()).toArray());

test('a supervisor exports a queue as a case list: pseudonyms for undisclosed identities, progress under My exports', async ({ page, browser }) => {
  // A Perth officer registers a child victim whose identity must stay undisclosed.
  const perth = await browser.newContext({ locale: 'en-GB' });
  const per = await perth.newPage();
  await signIn(per, 'officer.per@payung.test');
  await per.goto('/cases/new');
  await chooseIntakeFacts(per);
  const subject = per.getByRole('group', { name: 'Subject 1' });
  await subject.getByLabel('Full name').fill('Secret Export Child');
  await subject.getByLabel('Identity must stay undisclosed').check();
  await per.getByLabel('Category').selectOption({ label: 'Trafficking in persons' });
  await per.getByLabel('Account of events').fill('Recruited online; held in a scam compound.');
  await per.getByRole('button', { name: 'Create case' }).click();
  await expect(per).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const reference = (await per.getByRole('heading', { level: 1 }).textContent())!.trim();
  const caseFile = new URL(per.url()).pathname;
  await perth.close();

  await signIn(page, 'supervisor@payung.test');
  await page.goto('/queues?mission=PER&category=trafficking');
  await page.getByRole('link', { name: 'Export this list' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Export a list of cases' })).toBeVisible();
  await expect(page.getByTestId('export-count')).not.toHaveText('0');
  await expectAccessible(page);
  // nothing ticked: explained, nothing queued
  for (const box of await page.getByRole('group', { name: 'Columns' }).getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('button', { name: 'Prepare the export' }).click();
  await expect(errorSummary(page)).toContainText('Tick at least one column.');
  await page.getByLabel('Reference', { exact: true }).check();
  await page.getByLabel('Subjects (name, or pseudonym if undisclosed)').check();
  await page.getByRole('button', { name: 'Prepare the export' }).click();

  await expect(page).toHaveURL(/\/exports\?requested=/);
  await expect(page.getByRole('heading', { level: 1, name: 'My exports' })).toBeVisible();
  const row = page.locator('li.export.current');
  await expect(row).toContainText('Case list · All open cases, mission: PER, category: trafficking · CSV');
  const link = row.getByRole('link', { name: /^Download payung-cases-.*\.csv/ });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status')).toHaveText('Your export is ready: download it below.');
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const csv = (await bytesOf(download)).toString('utf8');
  // Every cell quoted, so that no separator inside a text splits it, whichever a spreadsheet assumes.
  expect(csv.split('\r\n')[0]).toBe('\uFEFF"reference","subjects"');
  const line = csv.split('\r\n').find((l) => l.startsWith(`"${reference}"`))!;
  expect(line).toMatch(new RegExp(`^"${reference}","${reference}-\\w+"$`));
  expect(csv).not.toContain('Secret Export Child');

  // The case's access log names the export that carried it out, with whom and how.
  await page.goto(`${caseFile}/access`);
  await expect(page.getByRole('heading', { level: 1, name: `Access log of ${reference}` })).toBeVisible();
  const entry = page.locator('ol.timeline > li').first();
  await expect(entry).toContainText("In a case-list export (CSV) with the subjects' names");
  await expect(entry).toContainText('Ratna Wijaya');
  await expectAccessible(page);
});

test('a summary prepared in the background appears under My exports; officers cannot export case lists', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/reports');
  await page.getByLabel('File', { exact: true }).selectOption({ label: 'Printable report (PDF, A4)' });
  await page.getByRole('button', { name: 'Prepare in My exports' }).click();
  await expect(page).toHaveURL(/\/exports\?requested=/);
  const row = page.locator('li.export.current');
  await expect(row).toContainText(/Summary \d{4}-\d{2} · KUL · PDF/);
  const link = row.getByRole('link', { name: /^Download payung-\d{4}-\d{2}-KUL\.pdf/ });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const text = (await new PDFParse({ data: new Uint8Array(await bytesOf(download)) }).getText()).text;
  expect(text).toContain('KUL');

  expect((await page.goto('/exports/case-list'))?.status()).toBe(404);
});
