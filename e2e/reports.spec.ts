import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { PDFParse } from 'pdf-parse';
import { errorSummary, expectAccessible, signIn } from './fixtures';

const thisMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

test('a supervisor reads this month’s summary for all missions and downloads its tables; a bad period is explained', async ({ page, browser }) => {
  const perth = await browser.newContext({ locale: 'en-GB' });
  const per = await perth.newPage();
  await signIn(per, 'officer.per@payung.test');
  await per.goto('/cases/new');
  await per.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Report Person');
  await per.getByLabel('Account of events').fill('Wages unpaid for three months.');
  await per.getByRole('button', { name: 'Create case' }).click();
  await expect(per).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  await perth.close();

  await signIn(page, 'supervisor@payung.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('textbox', { name: 'Period' }).fill('2026-13');
  await page.getByRole('button', { name: 'Show summary' }).click();
  await expect(errorSummary(page)).toContainText('Enter a period like 2026-10 (a month), 2026-Q3 (a quarter)');

  const month = thisMonth();
  await page.getByRole('textbox', { name: 'Period' }).fill(month);
  await page.getByRole('combobox', { name: 'Scope' }).selectOption({ value: 'all' });
  await page.getByRole('button', { name: 'Show summary' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Summary for ${month}: All missions in my scope` })).toBeVisible();
  const flow = page.getByRole('table', { name: 'Flow of cases' });
  const newCases = Number((await flow.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'New', exact: true }) }).getByRole('cell').textContent())!.replace(/[^\d]/g, ''));
  expect(newCases).toBeGreaterThan(0);
  await expect(page.getByRole('table', { name: 'Trafficking in persons' }).getByRole('columnheader')).toHaveText(['Period', 'Cases', 'Adult victims', 'Child victims', 'Perpetrators', 'Files at P-21 or later']);
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tables as CSV (one file per table, in a ZIP)' }).click()]);
  expect(download.suggestedFilename()).toBe(`payung-${month}-all.zip`);
  const files = unzipSync(new Uint8Array(await download.createReadStream().then((s) => s.toArray()).then((c) => Buffer.concat(c))));
  const flowCsv = strFromU8(files[`payung-${month}-all-flow.csv`]!.slice(3));
  expect(flowCsv).toContain(`new,${newCases}\r\n`);
  expect(strFromU8(files[`payung-${month}-all-trafficking.csv`]!.slice(3)).split('\r\n')[0]).toBe('period,cases,victims_adult,victims_child,perpetrators,files_p21');

  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Spreadsheet (XLSX, one sheet per table)' }).click()]);
  expect(sheet.suggestedFilename()).toBe(`payung-${month}-all.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await sheet.createReadStream().then((s) => s.toArray()).then((c) => Buffer.concat(c))) as never);
  expect(book.worksheets.map((w) => w.name)).toEqual([
    'about',
    'flow',
    'new_by_category',
    'new_by_class',
    'new_by_mission',
    'subjects_by_sex',
    'subjects_by_age',
    'trafficking',
    'trafficking_outcomes',
    'legal',
    'age_claims',
    'services',
    'money',
    'timeliness',
    'data_quality',
  ]);
  expect(book.getWorksheet('trafficking')!.getRow(1).values).toEqual([undefined, 'Period', 'Cases', 'Adult victims', 'Child victims', 'Perpetrators', 'Files at P-21 or later']);
  const flowSheet = book.getWorksheet('flow')!;
  const newRow = flowSheet.getRows(2, flowSheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'New')!;
  expect(newRow.getCell(2).value).toBe(newCases);

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Printable report (PDF, A4)' }).click()]);
  expect(pdf.suggestedFilename()).toBe(`payung-${month}-all.pdf`);
  const parser = new PDFParse({ data: new Uint8Array(await pdf.createReadStream().then((s) => s.toArray()).then((c) => Buffer.concat(c))) });
  const { text } = await parser.getText();
  await parser.destroy();
  expect(text).toContain(`Summary for ${month}: All missions in my scope`);
  expect(text).toContain('Trafficking in persons');
  expect(text).toMatch(new RegExp(`New\\s+${newCases}`));

  // For outside the ministry, small counts are hidden: the CSV says "<5" where the screen has 1 to 4.
  const [outside] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tables for outside the ministry (CSV in a ZIP)' }).click()]);
  expect(outside.suggestedFilename()).toBe(`payung-${month}-all-outside.zip`);
  const outsideFiles = unzipSync(new Uint8Array(await outside.createReadStream().then((s) => s.toArray()).then((c) => Buffer.concat(c))));
  const outsideFlow = strFromU8(outsideFiles[`payung-${month}-all-outside-flow.csv`]!.slice(3));
  expect(outsideFlow).toContain(newCases < 5 ? 'new,<5\r\n' : `new,${newCases}\r\n`);
  const counts = outsideFlow.split('\r\n').filter((line) => line && !line.startsWith('backlog_median_days'));
  expect(counts.filter((line) => /,[1-4]$/.test(line))).toEqual([]);
});

test('an officer’s reports cover their own mission only', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/reports');
  const options = await page.getByRole('combobox', { name: 'Scope' }).locator('option').allTextContents();
  expect(options).toEqual([expect.stringMatching(/^KUL · /)]);
  const response = await page.goto(`/api/reports?period=${thisMonth()}&scope=JED&format=csv`);
  expect(response?.status()).toBe(422);
});
