import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { PDFParse } from 'pdf-parse';
import { chooseProceedingFacts, createCase, errorSummary, expect, expectAccessible, signIn, test, openSection } from './fixtures';

const thisMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

test('a supervisor reads this month’s summary for all missions and downloads its tables; a bad period is explained', async ({ page, browser }) => {
  const perth = await browser.newContext({ locale: 'en-GB' });
  const per = await perth.newPage();
  await signIn(per, 'officer.per@payung.test');
  await createCase(per, { name: 'Report Person', account: 'Wages unpaid for three months.' });
  await perth.close();

  await signIn(page, 'supervisor@payung.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  // A typed code for those who know them; a wrong one is explained.
  await page.getByLabel('Kind of period').selectOption({ label: 'Typed as a code' });
  await page.getByRole('textbox', { name: 'Period code' }).fill('2026-13');
  await page.getByRole('button', { name: 'Show summary' }).click();
  await expect(errorSummary(page)).toContainText('Enter a period like 2026-10 (a month), 2026-Q3 (a quarter)');
  await expect(errorSummary(page)).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Period code' })).toHaveValue('2026-13');

  // Otherwise the period is picked as people say it: a quarter, then this month.
  const month = thisMonth();
  await page.getByLabel('Kind of period').selectOption({ label: 'A quarter' });
  await page.getByLabel('Quarter', { exact: true }).selectOption({ label: 'Q3: July to September' });
  await page.getByLabel('Year', { exact: true }).selectOption(month.slice(0, 4));
  await page.getByRole('button', { name: 'Show summary' }).click();
  await expect(page).toHaveURL(new RegExp(`period=${month.slice(0, 4)}-Q3`));
  await expect(page.getByRole('heading', { level: 2, name: `Q3 ${month.slice(0, 4)} · All missions in my scope` })).toBeVisible();
  await page.getByLabel('Kind of period').selectOption({ label: 'A month' });
  await page.getByLabel('Month', { exact: true }).selectOption(String(Number(month.slice(5, 7))));
  await page.getByRole('combobox', { name: 'Scope' }).selectOption({ value: 'all' });
  await page.getByRole('button', { name: 'Show summary' }).click();
  // Titled as people write the month ("October 2026"), not by its code.
  const monthTitle = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  await expect(page.getByRole('heading', { level: 2, name: `${monthTitle} · All missions in my scope` })).toBeVisible();
  const flow = page.getByRole('table', { name: 'Flow of cases' });
  const newCases = Number((await flow.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'New', exact: true }) }).getByRole('cell').textContent())!.replace(/[^\d]/g, ''));
  expect(newCases).toBeGreaterThan(0);
  await expect(page.getByRole('table', { name: 'Trafficking in persons' }).getByRole('columnheader')).toHaveText(['Period', 'Cases', 'Adult victims', 'Child victims', 'Perpetrators', 'Files at P-21 or later']);
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tables as CSV (one file per table and a data dictionary, in a ZIP)' }).click()]);
  expect(download.suggestedFilename()).toBe(`payung-${month}-all.zip`);
  const files = unzipSync(new Uint8Array(await download.createReadStream().then((s) => s.toArray()).then((c) => Buffer.concat(c))));
  // Labelled for people, with the codes in the dictionary for machines.
  const flowCsv = strFromU8(files[`payung-${month}-all-flow.csv`]!.slice(3));
  expect(flowCsv).toContain(`"New","${newCases}"\r\n`);
  expect(strFromU8(files[`payung-${month}-all-trafficking.csv`]!.slice(3)).split('\r\n')[0]).toBe('"Period","Cases","Adult victims","Child victims","Perpetrators","Files at P-21 or later"');
  const dictionary = strFromU8(files[`payung-${month}-all-dictionary.csv`]!.slice(3));
  expect(dictionary).toContain(`"payung-${month}-all-flow.csv","Flow of cases",,,"new","New"\r\n`);
  expect(dictionary).toContain(`"payung-${month}-all-trafficking.csv","Trafficking in persons","victims_child","Child victims",,\r\n`);

  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Spreadsheet (XLSX, one sheet per table)' }).click()]);
  expect(sheet.suggestedFilename()).toBe(`payung-${month}-all.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await sheet.createReadStream().then((s) => s.toArray()).then((c) => Buffer.concat(c))) as never);
  expect(book.worksheets.map((w) => w.name)).toEqual([
    'About',
    'Flow of cases',
    'New by category',
    'New by class',
    'New by mission',
    'People by sex',
    'Children and adults',
    'Trafficking in persons',
    'Trafficking outcomes',
    'Legal',
    'Age claims',
    'Services',
    'Money recovered',
    'Timeliness',
    'Data quality',
  ]);
  expect(book.getWorksheet('Trafficking in persons')!.getRow(1).values).toEqual([undefined, 'Period', 'Cases', 'Adult victims', 'Child victims', 'Perpetrators', 'Files at P-21 or later']);
  const flowSheet = book.getWorksheet('Flow of cases')!;
  const newRow = flowSheet.getRows(2, flowSheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'New')!;
  expect(newRow.getCell(2).value).toBe(newCases);

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Printable report (PDF, A4)' }).click()]);
  expect(pdf.suggestedFilename()).toBe(`payung-${month}-all.pdf`);
  const parser = new PDFParse({ data: new Uint8Array(await pdf.createReadStream().then((s) => s.toArray()).then((c) => Buffer.concat(c))) });
  const { text } = await parser.getText();
  await parser.destroy();
  expect(text).toContain(`${monthTitle} · All missions in my scope`);
  expect(text).toContain('Trafficking in persons');
  expect(text).toMatch(new RegExp(`New\\s+${newCases}`));

  // For outside the ministry, small counts are hidden: the CSV says "<5" where the screen has 1 to 4
  // (and "x" for a larger count hidden with one, so that it cannot be worked out from the balance).
  const [outside] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tables for outside the ministry (CSV in a ZIP)' }).click()]);
  expect(outside.suggestedFilename()).toBe(`payung-${month}-all-outside.zip`);
  const outsideFiles = unzipSync(new Uint8Array(await outside.createReadStream().then((s) => s.toArray()).then((c) => Buffer.concat(c))));
  const outsideFlow = strFromU8(outsideFiles[`payung-${month}-all-outside-flow.csv`]!.slice(3));
  expect(outsideFlow).toMatch(newCases < 5 ? /\r\n"New","<5"\r\n/ : new RegExp(`\r\n"New","(${newCases}|x)"\r\n`));
  const counts = outsideFlow.split('\r\n').filter((line) => line && !line.startsWith('"Median age of open cases'));
  expect(counts.filter((line) => /,"[1-4]"$/.test(line))).toEqual([]);
});

test('an officer’s reports cover their own mission only', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/reports');
  const options = await page.getByRole('combobox', { name: 'Scope' }).locator('option').allTextContents();
  expect(options).toEqual([expect.stringMatching(/^KUL · /)]);
  const response = await page.goto(`/api/reports?period=${thisMonth()}&scope=JED&format=csv`);
  expect(response?.status()).toBe(422);
});

/** "2026-10": the month `back` months before this one, in a zone. */
function monthIn(timeZone: string, back: number): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

test('the officer in charge locks last month; a later change to it is listed as a correction and the locked figures stay', async ({ page, browser }) => {
  const last = monthIn('Asia/Kuala_Lumpur', 1);
  const current = monthIn('Asia/Kuala_Lumpur', 0);
  const lawyersIn = async () => {
    const row = page.getByRole('table', { name: 'Legal' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Lawyers appointed', exact: true }) });
    return Number((await row.getByRole('cell').textContent())!.replace(/[^\d]/g, ''));
  };
  await signIn(page, 'officer.kul@payung.test');
  await page.goto(`/reports?period=${last}&scope=KUL`);
  const before = await lawyersIn();
  await page.getByRole('button', { name: `Lock ${last}` }).click();
  await expect(page.getByRole('group', { name: /^Lock KUL/ })).toContainText('This cannot be undone.');
  await page.getByRole('button', { name: `Yes, lock ${last}` }).click();
  await expect(page.getByTestId('lock-status')).toContainText(/Locked on .* by Siti Rahmawati/);
  await expect(page.getByRole('button', { name: `Lock ${last}` })).toHaveCount(0);
  await expectAccessible(page);

  // A lawyer appointed in the locked month, recorded only now.
  await createCase(page, { name: 'Late Lawyer', category: 'Criminal (citizen as defendant)', account: 'Arrested last month; the family hired a lawyer then.' });
  const legal = await openSection(page, 'Legal');
  await legal.getByRole('button', { name: 'Record a proceeding' }).click();
  const proceeding = page.getByRole('form', { name: 'Record a proceeding' });
  await chooseProceedingFacts(proceeding);
  await proceeding.getByLabel('Lawyer (optional)').fill('Mr Tan');
  await proceeding.getByLabel('Lawyer appointed on (optional)').fill(`${last}-15`);
  await proceeding.getByRole('button', { name: 'Record a proceeding' }).click();
  await expect(legal).toContainText('Mr Tan');

  await page.goto(`/reports?period=${current}&scope=KUL`);
  const corrections = page.getByRole('table', { name: 'Corrections to earlier locked months, reported when this month is locked' });
  await expect(corrections.getByRole('row').filter({ hasText: 'Legal: Lawyers appointed' })).toHaveText(new RegExp(`${last}\\s*Legal: Lawyers appointed\\s*${before}\\s*${before + 1}`));
  await expectAccessible(page);
  // the locked month is as submitted, and the overview shows it
  await page.goto(`/reports?period=${last}&scope=KUL`);
  expect(await lawyersIn()).toBe(before);
  await page.getByRole('link', { name: 'Which missions have locked which months' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Locked months' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^KUL .*: Locked .* by Siti Rahmawati$/ })).toHaveAttribute('href', `/reports?period=${last}&scope=KUL`);
  await expectAccessible(page);

  // The directorate's view of all missions says how many have submitted the month.
  const directorate = await browser.newContext({ locale: 'en-GB' });
  const supervisor = await directorate.newPage();
  await signIn(supervisor, 'supervisor@payung.test');
  await supervisor.goto(`/reports?period=${last}&scope=all`);
  await expect(supervisor.getByTestId('lock-status')).toContainText(new RegExp(`^1 of \\d+ missions have locked ${last}\\.`));
  await supervisor.goto(`/reports?period=${last}&scope=MY`);
  await expect(supervisor.getByTestId('lock-status')).toContainText(new RegExp(`^1 of \\d+ missions have locked ${last}\\.`));
  await directorate.close();
});
