import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import { chooseIntakeFacts, createCase, errorSummary, expect, expectAccessible, signIn, test } from './fixtures';

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
  // for a script: code headers
  await page.getByLabel('Codes for machines').check();
  await page.getByRole('button', { name: 'Prepare the export' }).click();

  await expect(page).toHaveURL(/\/exports\?requested=/);
  await expect(page.getByRole('heading', { level: 1, name: 'My exports' })).toBeVisible();
  const row = page.locator('li.export.current');
  await expect(row).toContainText('Case list · All open cases, Mission: PER, Category: Trafficking in persons · CSV, codes');
  const link = row.getByRole('link', { name: /^Download payung-cases-.*-codes\.csv/ });
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

test.describe('in Indonesian', () => {
  test.use({ locale: 'id-ID' });

  test('a supervisor downloads a case list for people: Indonesian headers and values, the data dictionary in the workbook and as its own CSV', async ({ page, browser }) => {
    const perth = await browser.newContext({ locale: 'en-GB' });
    const per = await perth.newPage();
    await signIn(per, 'officer.per@payung.test');
    await createCase(per, { name: 'Label Export Worker', account: 'Wages unpaid for two months.' });
    const reference = (await per.getByRole('heading', { level: 1 }).textContent())!.trim();
    await perth.close();

    await signIn(page, 'supervisor@payung.test');
    await page.goto('/queues?mission=PER&category=labour');
    await page.getByRole('link', { name: 'Ekspor daftar ini' }).click();
    await expect(page.getByLabel('Kode untuk mesin')).not.toBeChecked();
    await expectAccessible(page);
    // The CSV's dictionary, in the reader's language.
    const [dictionary] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Kamus data \(CSV\)/ }).click()]);
    const entries = parse((await bytesOf(dictionary)).toString('utf8'), { bom: true }) as string[][];
    expect(entries[0]).toEqual(['Kolom', 'Nama kode', 'Arti', 'Kode', 'Label kode']);
    expect(entries).toContainEqual(['Status', 'status', '', 'waiting_external', 'Menunggu pihak lain']);

    for (const column of ['Kategori', 'Status', 'Risiko', 'Tanggal dibuka', 'Subjek anak']) await page.getByLabel(column, { exact: true }).check();
    await page.getByLabel('Buku kerja Excel (XLSX)').check();
    await page.getByRole('button', { name: 'Siapkan ekspor' }).click();
    await expect(page).toHaveURL(/\/exports\?requested=/);
    const link = page.locator('li.export.current').getByRole('link', { name: /^Unduh payung-cases-\d{4}-\d{2}-\d{2}\.xlsx/ });
    await expect(link).toBeVisible({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytesOf(download)) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Kasus', 'Kamus data']);
    const sheet = book.getWorksheet('Kasus')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(['Nomor kasus', 'Perwakilan', 'Kategori', 'Status', 'Risiko', 'Tanggal dibuka', 'Petugas yang ditugaskan', 'Jumlah subjek', 'Subjek anak']);
    const ours = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === reference)!;
    const cell = (header: string) => ours.getCell(headers.indexOf(header) + 1);
    expect(cell('Kategori').value).toBe('Ketenagakerjaan');
    expect(cell('Status').value).toBe('Baru');
    expect(cell('Risiko').value).toBe('Sedang');
    expect(cell('Subjek anak').value).toBe('Tidak');
    expect(cell('Tanggal dibuka').value).toBeInstanceOf(Date);
    expect(cell('Tanggal dibuka').numFmt).toBe('[$-421]d mmm yyyy');
    const kamus = book.getWorksheet('Kamus data')!;
    expect((kamus.getRow(1).values as unknown[]).slice(1)).toEqual(['Kolom', 'Nama kode', 'Arti', 'Kode', 'Label kode']);
    const codes = kamus.getRows(2, kamus.rowCount - 1)!.map((r) => [r.getCell(2).value, r.getCell(4).value, r.getCell(5).value]);
    expect(codes).toContainEqual(['category', 'labour', 'Ketenagakerjaan']);
    expect(codes).toContainEqual(['child_subject', 'no', 'Tidak']);
  });
});
