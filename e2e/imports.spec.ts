import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { errorSummary, expect, expectAccessible, signIn, test, openSection } from './fixtures';

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

async function downloaded(page: Page, link: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return { download, bytes: Buffer.concat(await download.createReadStream().then((s) => s.toArray())) };
}

/** The workbook's sheet names, its first sheet's header, and its second sheet's rows (column, code, meaning). */
async function templateOf(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const codes: string[][] = [];
  book.worksheets[1]!.eachRow((row) => codes.push((row.values as string[]).slice(1, 4)));
  return { sheets: book.worksheets.map((s) => s.name), header: (book.worksheets[0]!.getRow(1).values as string[]).slice(1).join(','), codes };
}

test('the template downloads as XLSX, with the codes in the reader’s language, and as CSV; its example case is only checked', async ({ page }) => {
  await signIn(page, 'supervisor@payung.test');
  await page.goto('/imports');
  const xlsx = await downloaded(page, 'Template (XLSX, with a sheet of every code and its meaning)');
  expect(xlsx.download.suggestedFilename()).toBe('payung-import-template.xlsx');
  const inEnglish = await templateOf(xlsx.bytes);
  expect(inEnglish.sheets).toEqual(['Cases', 'Codes']);
  expect(inEnglish.header).toBe(HEADER);
  expect(inEnglish.codes[0]).toEqual(['Column', 'Code', 'Meaning']);
  expect(inEnglish.codes).toContainEqual(['prosecution_stage', 'P-21', 'Prosecution file complete']);
  expect(inEnglish.codes).toContainEqual(['category', 'trafficking', 'Trafficking in persons']);
  expect(inEnglish.codes).toContainEqual(['mission_code', 'KUL', 'Embassy in Kuala Lumpur']);

  // In Indonesian, the codes sheet speaks Indonesian; the columns stay codes.
  await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impor log kasus lama' })).toBeVisible();
  const inIndonesian = await templateOf((await downloaded(page, 'Templat (XLSX, dengan sheet daftar kode beserta artinya)')).bytes);
  expect(inIndonesian.sheets).toEqual(['Kasus', 'Kode']);
  expect(inIndonesian.header).toBe(HEADER);
  expect(inIndonesian.codes).toContainEqual(['prosecution_stage', 'P-21', 'Berkas perkara lengkap']);
  expect(inIndonesian.codes).toContainEqual(['mission_code', 'KUL', 'KBRI Kuala Lumpur']);
  await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import legacy case logs' })).toBeVisible();

  const csv = await downloaded(page, 'Template (CSV)');
  expect(csv.download.suggestedFilename()).toBe('payung-import-template.csv');
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe(HEADER.split(',').map((c) => `"${c}"`).join(','));
  expect(lines.slice(1).filter(Boolean)).toHaveLength(3);

  // The template as downloaded, only checked: its example is refused, and nothing is written.
  await page.getByLabel('Case log (CSV or XLSX)').setInputFiles({ name: 'payung-import-template.csv', mimeType: 'text/csv', buffer: csv.bytes });
  await page.getByRole('button', { name: 'Check only' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checked only: nothing was imported.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Errors (3)' })).toContainText("This is the template's example case: delete its rows before importing.");
  await expect(page.getByRole('table', { name: 'Counts' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Cases to import' }) })).toContainText('0');
});

test('a case whose two accused are at different prosecution stages imports, each with their own proceeding', async ({ page }) => {
  const tag = Date.now().toString(36);
  const theCase = `KUL/2017/${tag},KUL,2017-04-05,trafficking,forced_labour,in_progress,,`;
  const log = Buffer.from([HEADER, `${theCase},subject,Ratna Legacy ${tag},F,1995-01-20,,,ID,`, `${theCase},recruiter,Recruiter Legacy ${tag},M,,,,ID,P-21`, `${theCase},agent,Agent Legacy ${tag},M,,,,ID,P-18`, ''].join('\r\n'));
  await signIn(page, 'supervisor@payung.test');
  await page.goto('/imports');
  await expect(page.getByRole('button', { name: 'Check only' })).toHaveAccessibleDescription(/Nothing is written\.$/);
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveAccessibleDescription(/writes its cases into Payung\.$/);
  const file = page.getByLabel('Case log (CSV or XLSX)');
  await file.setInputFiles({ name: 'stages.csv', mimeType: 'text/csv', buffer: log });
  await page.getByRole('button', { name: 'Check only' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checked only: nothing was imported. No errors: choose “Import” to import 1 case.' })).toBeVisible();

  await file.setInputFiles({ name: 'stages.csv', mimeType: 'text/csv', buffer: log });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 case.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Counts' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'People' }) })).toContainText('3');

  await page.goto(`/cases?q=${encodeURIComponent(`KUL/2017/${tag}`)}`);
  await page.getByRole('link', { name: /^KUL-2017-\d{5}$/ }).click();
  // Each accused has their own home proceeding, at their own stage (the file code said in words too).
  const legal = await openSection(page, 'Legal');
  await expect(legal.getByRole('article', { name: /-P1 · / })).toContainText('P-21 · Prosecution file complete');
  await expect(legal.getByRole('article', { name: /-P2 · / })).toContainText('P-18/P-19');
});

test('a supervisor’s log with a bad row imports nothing; corrected, it imports and the case is found by its old number', async ({ page }) => {
  const tag = Date.now().toString(36);
  await signIn(page, 'supervisor@payung.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import legacy case logs' })).toBeVisible();
  await expectAccessible(page);
  // Checking is the secondary action, importing the primary: they look different.
  const background = (name: string) => page.getByRole('button', { name, exact: true }).evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(await background('Import')).not.toBe(await background('Check only'));

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
  await expect(page.getByRole('status').filter({ hasText: 'Checked only: nothing was imported. “Import” will import the cases counted here and skip the rows listed below.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Counts' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Cases to import' }) })).toContainText('1');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the rejected rows with their reasons (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('kul-2016.rejected.csv');
  const rejected = Buffer.concat(await download.createReadStream().then((s) => s.toArray())).toString('utf8');
  expect(rejected.split('\r\n')[1]).toContain(`KUL/2016/${tag}-2`);
  expect(rejected.split('\r\n')[1]).toContain('"row 4, date_of_birth: “1991-02-30” is not a date');

  await page.getByLabel('Import the valid cases, skip the rest').uncheck();
  await file.setInputFiles({ name: 'kul-2016.csv', mimeType: 'text/csv', buffer: legacyLog(tag, '1991-02-28') });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 cases.' })).toBeVisible();
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
  // Nor the template: it is for those who may import.
  expect((await page.request.get('/api/imports/template?format=xlsx')).status()).toBe(403);
  expect((await page.request.get('/api/imports/template?format=csv')).status()).toBe(403);
});
