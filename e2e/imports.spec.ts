import { errorSummary, expect, expectAccessible, signIn, test } from './fixtures';

const HEADER = 'case_ref,mission_code,opened_on,category,subcategory,status,closed_on,outcome,role,full_name,sex,date_of_birth,nik,passport_no,nationality,prosecution_stage';

/** Two labour cases of Kuala Lumpur's old log; the second subject's date of birth as given. */
function legacyLog(tag: string, secondBirthDate: string) {
  return Buffer.from(
    [
      HEADER,
      `KUL/2016/${tag}-1,KUL,2016-02-03,labour,unpaid_wages,closed,2016-05-30,resolved,subject,Lastri Legacy ${tag},F,1988-07-09,,C7654321,ID,`,
      `KUL/2016/${tag}-1,KUL,2016-02-03,labour,unpaid_wages,closed,2016-05-30,resolved,employer,Tan Legacy Employer,M,,,,MY,`,
      `KUL/2016/${tag}-2,KUL,2016-03-04,labour,forced_labour,in_progress,,,subject,Warsini Legacy ${tag},F,${secondBirthDate},,,ID,`,
      '',
    ].join('\r\n'),
  );
}

test('a supervisor’s log with a bad row imports nothing; corrected, it imports and the case is found by its old number', async ({ page }) => {
  const tag = Date.now().toString(36);
  await signIn(page, 'supervisor@payung.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import legacy case logs' })).toBeVisible();
  await expectAccessible(page);

  const file = page.getByLabel('Case log (CSV or XLSX)');
  await file.setInputFiles({ name: 'kul-2016.csv', mimeType: 'text/csv', buffer: legacyLog(tag, '1991-02-30') });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(errorSummary(page)).toContainText('Nothing was imported: the file has errors.');
  const errors = page.getByRole('table', { name: 'Errors (1)' });
  await expect(errors.getByRole('row').nth(1).getByRole('cell')).toHaveText(['4', 'date_of_birth', '“1991-02-30” is not a date: write it as YYYY-MM-DD, for example 2015-03-31.']);
  await expect(page.getByRole('table', { name: 'Counts' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Rows rejected' }) })).toContainText('1');
  await expectAccessible(page);

  // Checking with "skip the rest" offers the rejected rows, with their reasons, to correct.
  await page.getByLabel('Import the valid cases, skip the rest').check();
  await page.getByRole('button', { name: 'Check only' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checked: nothing has been imported yet. “Import” will import the cases counted here and skip the rows listed below.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Counts' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Cases to import' }) })).toContainText('1');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the rejected rows with their reasons (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('kul-2016.rejected.csv');
  const rejected = Buffer.concat(await download.createReadStream().then((s) => s.toArray())).toString('utf8');
  expect(rejected.split('\r\n')[1]).toContain(`KUL/2016/${tag}-2`);
  expect(rejected.split('\r\n')[1]).toContain('"row 4, date_of_birth: “1991-02-30” is not a date');

  await page.getByLabel('Import the valid cases, skip the rest').uncheck();
  await file.setInputFiles({ name: 'kul-2016.csv', mimeType: 'text/csv', buffer: legacyLog(tag, '1991-02-28') });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import finished.' })).toBeVisible();
  const counts = page.getByRole('table', { name: 'Counts' });
  await expect(counts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Cases imported' }) })).toContainText('2');
  await expect(counts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'People' }) })).toContainText('3');
  await expect(errorSummary(page)).toHaveCount(0);

  await page.goto(`/cases?q=${encodeURIComponent(`KUL/2016/${tag}-1`)}`);
  const found = page.getByRole('link', { name: /^KUL-2016-\d{5}$/ });
  await expect(found).toHaveCount(1);
  await expect(page.getByRole('row').filter({ has: found })).toContainText(`Lastri Legacy ${tag}`);
  await found.click();
  await expect(page.getByText(`Imported from the legacy log of KUL (case KUL/2016/${tag}-1)`)).toBeVisible();
});

test('an officer gets a not-found page at /imports, and no Import link', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' })).toHaveCount(0);
  const response = await page.goto('/imports');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
