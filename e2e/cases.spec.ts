import type { Page } from '@playwright/test';
import { chooseIntakeFacts, errorSummary, expect, expectAccessible, signIn, test, openSection } from './fixtures';

/** A valid NIK (West Java, born 7 Aug 1995, a woman) with a random serial, so reruns do not collide. */
function randomNik() {
  return `320101470895${String(1000 + Math.floor(Math.random() * 8999))}`;
}

/** Opens New case from the navigation and, unless told otherwise, chooses the facts nothing preselects. */
async function startIntake(page: Page, { chooseFacts = true } = {}) {
  await page.getByRole('link', { name: 'New case' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'New case' })).toBeVisible();
  if (chooseFacts) await chooseIntakeFacts(page);
}

function subject(page: Page, n: number) {
  return page.getByRole('group', { name: `Subject ${n}` });
}

async function fillDate(page: Page, group: ReturnType<Page['getByRole']>, d: string, m: string, y: string) {
  await group.getByLabel('Day').fill(d);
  await group.getByLabel('Month').fill(m);
  await group.getByLabel('Year').fill(y);
}

test('an officer registers a trafficking case with two subjects, one a child, and a perpetrator', async ({ page }) => {
  const nik = randomNik();
  await signIn(page, 'officer.kul@payung.test');
  await startIntake(page);
  await expectAccessible(page);

  const first = subject(page, 1);
  await first.getByLabel('Full name').fill('Sri Wahyuni');
  await first.getByLabel('NIK (optional)').fill(nik);
  // A date of birth the NIK disagrees with is pointed out at once, and the warning goes when corrected.
  await fillDate(page, first.getByRole('group', { name: /Date of birth/ }), '8', '8', '1995');
  await expect(first.getByRole('status').filter({ hasText: 'The NIK carries the birth date 07-08-95' })).toBeVisible();
  await first.getByRole('group', { name: /Date of birth/ }).getByLabel('Day').fill('7');
  await expect(first.getByText('The NIK carries the birth date')).toHaveCount(0);
  await first.getByLabel('Identity must stay undisclosed').check();

  await page.getByRole('button', { name: 'Add another subject' }).click();
  const second = subject(page, 2);
  await second.getByLabel('Full name').fill('Ani Lestari');
  await fillDate(page, second.getByRole('group', { name: /Date of birth/ }), '1', '1', String(new Date().getFullYear() - 15));
  // A child's identity starts undisclosed, with the reason given.
  await expect(second.getByLabel('Identity must stay undisclosed')).toBeChecked();
  await expect(second).toContainText('Checked because this person is a child');

  await page.getByRole('button', { name: 'Add a perpetrator' }).click();
  const perpetrator = page.getByRole('group', { name: 'Perpetrator 1' });
  await perpetrator.getByLabel('Name').fill('Tan Ah Kow');
  await perpetrator.getByLabel('Role').selectOption({ label: 'Recruiter' });
  await perpetrator.getByLabel('Nationality (optional)').fill('MY');

  await page.getByLabel('Category').selectOption({ label: 'Trafficking in persons' });
  await expect(second).toContainText('Checked because victims of trafficking have the right');
  // The officer may decide otherwise: here the family asked that she be named.
  await second.getByLabel('Identity must stay undisclosed').uncheck();
  await expect(first.getByLabel('Identity must stay undisclosed')).toBeChecked();
  await page.getByLabel('Domestic servitude').check();
  await page.getByLabel('Account of events').fill('Recruited in Lombok with a promise of work in a restaurant; kept in a house in Klang without pay.');
  await page.getByLabel('How the case reached us').selectOption({ label: 'Hotline' });
  await page.getByLabel('Risk level').selectOption({ label: 'High' });
  await page.getByRole('button', { name: 'Create case' }).click();

  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  expect(reference).toMatch(/^KUL-\d{4}-\d{5}$/);
  // The focus lands on what just happened.
  await expect(page.getByRole('status').filter({ hasText: `Case ${reference} created` })).toBeFocused();
  await expect(page.locator('.case-header')).toContainText('Special');
  await expect(page.locator('.case-header')).toContainText('Risk: High');
  // The opening time says its zone (the mission's): read the same from Jakarta.
  await expect(page.getByRole('definition').filter({ hasText: /GMT\+8 · (today|\d+ days?)$/ })).toBeVisible();
  // The undisclosed subject appears by pseudonym only, in the header and in the list.
  await expect(page.locator('.case-header')).toContainText(`${reference}-S1, Ani Lestari`);
  await expect(page.getByText('Sri Wahyuni')).toHaveCount(0);
  await openSection(page, 'People');
  await expect(page.getByRole('heading', { name: /Ani Lestari/ })).toContainText('Child');
  await expect(page.getByRole('heading', { name: /Tan Ah Kow/ })).toContainText('perpetrator');
  await expect(page.getByRole('complementary', { name: 'Timeline' })).toContainText(`Case ${reference} registered`);
  await expect(page.getByText('The elements of the offence are not (yet) met.')).toBeVisible();
  await expectAccessible(page);

  // Revealing is allowed to the mission's own staff, and logged.
  await page.getByRole('button', { name: `Reveal identity of ${reference}-S1` }).click();
  await expect(page.getByRole('definition').filter({ hasText: 'Sri Wahyuni' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('complementary', { name: 'Timeline' })).toContainText(`Identity of ${reference}-S1 revealed`);

  await page.getByRole('link', { name: 'Back to my cases' }).click();
  await page.getByLabel('Search: reference, old log number, name, NIK or passport').fill(nik);
  await page.getByRole('button', { name: 'Apply' }).click();
  const row = page.getByRole('row', { name: new RegExp(reference) });
  await expect(row).toContainText(`${reference}-S1 and 1 other`);
  await expect(page.getByText('Sri Wahyuni')).toHaveCount(0);
  // Found by her exact NIK: recorded on her case (which field, never the number).
  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('complementary', { name: 'Timeline' })).toContainText(`${reference}-S1 found by a search by NIK`);
  await expect(page.getByRole('complementary', { name: 'Timeline' })).not.toContainText(nik);
  // Her name finds nothing: an undisclosed identity is never searchable by name.
  await page.goto(`/cases?q=${encodeURIComponent('Sri Wahyuni')}`);
  await expect(page.getByText('No cases match these filters.')).toBeVisible();
  await expect(page.getByText('Undisclosed identities: by pseudonym, reference, NIK or passport, not by name.')).toBeVisible();
});

test('My cases answers a bad address with a message, never an error page', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  const tooLong = await page.goto(`/cases?q=${'a'.repeat(101)}`);
  expect(tooLong?.status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'Search for at most 100 characters.' })).toBeVisible();
  const field = page.getByLabel('Search: reference, old log number, name, NIK or passport');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  // What was typed stays in the field, to shorten.
  await expect(field).toHaveValue('a'.repeat(101));
  for (const address of ['/cases?q=KUL&q=JED', '/cases?q=3201014708950001%00', '/cases?after=not-a-cursor', '/cases?status=nonsense&incoming=everything']) {
    const res = await page.goto(address);
    expect(res?.status(), address).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
  }
});

test('the intake checks its answers: NIK, dates, a subject’s name, and no fact left unchosen', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await startIntake(page, { chooseFacts: false });
  // Nothing is preselected: an untouched intake would otherwise become a labour case of medium risk.
  for (const label of ['Category', 'How the case reached us', 'Risk level']) await expect(page.getByLabel(label)).toHaveValue('');
  const first = subject(page, 1);
  await first.getByLabel('NIK (optional)').fill('1234');
  await fillDate(page, first.getByRole('group', { name: /Date of birth/ }), '31', '2', '1990');
  // An event's date is picked (or typed) in one field, like every other event date; a birth date is three boxes.
  await page.getByLabel(/When it happened/).fill(`${new Date().getFullYear() + 1}-01-01`);
  await page.getByRole('button', { name: 'Create case' }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Subject 1, Full name: Enter a value');
  await expect(summary).toContainText('Enter the 16-digit NIK as on the KTP or family card');
  await expect(summary).toContainText('Enter a real date, as day, month and year');
  await expect(summary).toContainText('The date must be today or in the past');
  await expect(summary).toContainText('Account of events: Enter a value');
  for (const label of ['Category', 'How the case reached us', 'Risk level']) await expect(summary).toContainText(`${label}: Choose one of the options`);
  await expect(first.getByLabel('NIK (optional)')).toHaveValue('1234');
  await expectAccessible(page);
});

test('a closed tab loses nothing: the intake is a draft under My drafts', async ({ page, context }) => {
  await signIn(page, 'officer.kul@payung.test');
  await startIntake(page);
  const name = `Draft Person ${Date.now().toString(36)}`;
  await subject(page, 1).getByLabel('Full name').fill(name);
  await page.getByLabel('Account of events').fill('Half-told story');
  await expect(page.getByRole('status').filter({ hasText: /^Draft saved/ })).toBeVisible();
  await page.close();

  const again = await context.newPage();
  await again.goto('/drafts');
  await expectAccessible(again);
  await expect(again.getByRole('link', { name })).toBeVisible();
  // My cases says so, and offers the latest to resume.
  await again.goto('/cases');
  await expect(again.getByRole('status').filter({ hasText: /You have \d+ unfinished drafts?\./ })).toBeVisible();
  await again.getByRole('link', { name: /^Resume the latest \(saved / }).click();
  await expect(subject(again, 1).getByLabel('Full name')).toHaveValue(name);
  await expect(again.getByLabel('Account of events')).toHaveValue('Half-told story');
  await expect(again.getByRole('status').filter({ hasText: /^Draft from/ })).toBeVisible();

  // Discarding asks once, then the draft is gone from the list.
  await again.getByRole('button', { name: 'Discard draft' }).click();
  await again.getByRole('button', { name: 'Yes, discard' }).click();
  await expect(again).toHaveURL(/\/drafts$/);
  await expect(again.getByRole('link', { name })).toHaveCount(0);
});

test('the duplicate check warns of an existing NIK, showing another mission’s case only by its mission', async ({ page, browser }) => {
  const nik = randomNik();
  await signIn(page, 'officer.kul@payung.test');
  await startIntake(page);
  await subject(page, 1).getByLabel('Full name').fill('Rina Marlina');
  await subject(page, 1).getByLabel('NIK (optional)').fill(nik);
  await page.getByLabel('Account of events').fill('Unpaid for six months.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();

  // The same mission: the person can be linked.
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await subject(page, 1).getByLabel('NIK (optional)').fill(nik);
  const warning = page.locator('.duplicates');
  await expect(warning).toContainText(`Rina Marlina in ${reference} (same NIK)`);
  await expectAccessible(page);
  await warning.getByRole('button', { name: 'Use this person' }).click();
  await expect(subject(page, 1).getByRole('status')).toContainText('Linked to the existing person Rina Marlina');

  // Another mission: no content, only where to ask.
  const other = await browser.newContext({ locale: 'en-GB' });
  const jed = await other.newPage();
  await signIn(jed, 'officer.jed@payung.test');
  await jed.goto('/cases/new');
  await chooseIntakeFacts(jed);
  await subject(jed, 1).getByLabel('NIK (optional)').fill(nik);
  await expect(jed.locator('.duplicates')).toContainText('A case for this person exists at KUL; ask the directorate.');
  await expect(jed.getByText('Rina Marlina')).toHaveCount(0);
  await expect(jed.getByText(reference)).toHaveCount(0);
  await other.close();
});

test('an edit over someone else’s newer save is refused with what changed; the input stays', async ({ page, browser }) => {
  await signIn(page, 'officer.kul@payung.test');
  await startIntake(page);
  await subject(page, 1).getByLabel('Full name').fill('Conflict Subject');
  await page.getByLabel('Account of events').fill('First account.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const url = page.url().replace(/\?.*$/, '');

  const other = await browser.newContext({ locale: 'en-GB' });
  const supervisor = await other.newPage();
  await signIn(supervisor, 'supervisor@payung.test');
  await supervisor.goto(url);

  await openSection(page, 'What happened');
  await page.getByRole('button', { name: 'Edit what happened' }).click();
  await openSection(supervisor, 'What happened');
  await supervisor.getByRole('button', { name: 'Edit what happened' }).click();
  await supervisor.getByLabel('Risk level').selectOption({ label: 'Critical' });
  await supervisor.getByRole('button', { name: 'Save changes' }).click();
  await expect(supervisor.getByRole('button', { name: 'Edit what happened' })).toBeVisible();

  await page.getByLabel('Account of events').fill('My longer account, typed meanwhile.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const summary = errorSummary(page);
  await expect(summary).toContainText('Someone else saved this record after you opened it');
  await expect(summary.getByRole('definition')).toContainText('critical');
  await expect(page.getByLabel('Account of events')).toHaveValue('My longer account, typed meanwhile.');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.narrative')).toHaveText('My longer account, typed meanwhile.');
  await expect(page.getByRole('complementary', { name: 'Timeline' })).toContainText('Risk level: Medium → Critical');
  await other.close();
});

test('a KUL officer gets a not-found page for a JED case', async ({ page, browser }) => {
  const other = await browser.newContext({ locale: 'en-GB' });
  const jed = await other.newPage();
  await signIn(jed, 'officer.jed@payung.test');
  await startIntake(jed);
  await subject(jed, 1).getByLabel('Full name').fill('Jeddah Worker');
  await jed.getByLabel('Account of events').fill('Held by the employer.');
  await jed.getByRole('button', { name: 'Create case' }).click();
  await expect(jed).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const jedUrl = jed.url().replace(/\?.*$/, '');
  await other.close();

  await signIn(page, 'officer.kul@payung.test');
  const response = await page.goto(jedUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('Jeddah Worker')).toHaveCount(0);
});

test.describe('in Indonesian', () => {
  test.use({ locale: 'id-ID' });

  test('an officer registers a case and reads it in Bahasa Indonesia', async ({ page }) => {
    await signIn(page, 'officer.per@payung.test');
    await page.getByRole('link', { name: 'Kasus baru' }).first().click();
    await page.getByRole('button', { name: 'Buat kasus' }).click();
    await expect(errorSummary(page)).toContainText('Subjek 1, Nama lengkap: Isi kolom ini');
    await expect(errorSummary(page)).toContainText('Tingkat risiko: Pilih salah satu pilihan');
    await page.getByLabel('Cara kasus diterima').selectOption({ label: 'Datang langsung' });
    await page.getByLabel('Tingkat risiko').selectOption({ label: 'Sedang' });
    await page.getByRole('group', { name: 'Subjek 1' }).getByLabel('Nama lengkap').fill('Budi Santoso');
    await page.getByLabel('Kategori').selectOption({ label: 'Anak buah kapal (ABK) perikanan' });
    await page.getByLabel('Kapal (opsional)').fill('KM Harapan Jaya');
    await page.getByLabel('Kronologi kejadian').fill('Ditelantarkan di pelabuhan Darwin.');
    await page.getByRole('button', { name: 'Buat kasus' }).click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
    await expect(page.locator('.case-header')).toContainText('Baru');
    await expect(page.locator('.case-header')).toContainText('Umum');
    await expect(page.getByRole('complementary', { name: 'Linimasa' })).toContainText('dicatat');
    await expectAccessible(page);
  });
});

test('an officer works a case: assessment, status, a note, then a closure request', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await startIntake(page);
  await subject(page, 1).getByLabel('Full name').fill('Worked Case Subject');
  await page.getByLabel('Category').selectOption({ label: 'Trafficking in persons' });
  await page.getByLabel('Account of events').fill('Promised a factory job; sold to a scam compound.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);

  await page.getByRole('button', { name: 'Edit assessment' }).click();
  await page.getByLabel('Recruitment', { exact: true }).check();
  await page.getByLabel('Deception').check();
  await page.getByLabel('Online scam compound').check();
  await page.getByLabel('Recruitment channel (optional)').selectOption({ label: 'Online' });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The elements of the offence are met.' })).toBeVisible();

  await page.getByRole('button', { name: 'Mark as in progress' }).click();
  await expect(page.locator('.case-header')).toContainText('In progress');

  await page.getByLabel('Note', { exact: true }).fill('Spoke with her mother in Indramayu. <b>not bold</b>');
  await page.getByRole('button', { name: 'Add note' }).click();
  const timeline = page.getByRole('complementary', { name: 'Timeline' });
  // Stored as typed, shown as text: markup is not interpreted.
  await expect(timeline).toContainText('Spoke with her mother in Indramayu. <b>not bold</b>');
  await expect(timeline.locator('b')).toHaveCount(0);
  await expect(timeline).toContainText('Status: New → In progress');
  await expect(timeline).toContainText('Assessment changed');

  await page.getByRole('button', { name: 'Request closure' }).click();
  await page.getByRole('button', { name: 'Send closure request' }).click();
  await expect(errorSummary(page)).toContainText('Summary for the approver: Enter a value');
  // How the case ended is chosen, never assumed "resolved".
  await expect(errorSummary(page)).toContainText('Outcome: Choose one of the options');
  await page.getByLabel('Outcome').selectOption({ label: 'Repatriated' });
  await page.getByLabel('Summary for the approver').fill('Repatriated via Jakarta; handed to the social affairs ministry.');
  await page.getByRole('button', { name: 'Send closure request' }).click();
  await expect(page.locator('.case-header')).toContainText('Closure requested');
  await expect(page.getByText('Closure requested: waiting for approval.')).toBeVisible();
  await expectAccessible(page);
});

test('an officer uploads a document and downloads it; a disguised file and another mission are refused', async ({ page, browser }) => {
  await signIn(page, 'officer.kul@payung.test');
  await startIntake(page);
  await subject(page, 1).getByLabel('Full name').fill('Document Subject');
  await page.getByLabel('Account of events').fill('Passport kept by the agency.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  await openSection(page, 'Documents');
  await page.getByLabel('File').setInputFiles({ name: 'passport-scan.pdf', mimeType: 'application/pdf', buffer: pdf });
  // What the document is, is chosen: nothing is assumed, and the upload waits for it.
  await expect(page.getByLabel('Kind of document')).toHaveValue('');
  await page.getByRole('button', { name: 'Upload document' }).click();
  await expect(page.locator('#document-kind-error')).toContainText('Choose one of the options');
  await expect(page.getByLabel('Kind of document')).toBeFocused();
  await page.getByLabel('Kind of document').selectOption({ label: "Passport or seaman's book" });
  await page.getByRole('button', { name: 'Upload document' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'passport-scan.pdf uploaded.' })).toBeVisible();
  const link = page.getByRole('link', { name: 'passport-scan.pdf' });
  await expect(link).toBeVisible();
  await expectAccessible(page);

  const downloadPromise = page.waitForEvent('download');
  await link.click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('passport-scan.pdf');
  const saved = await download.path();
  expect((await import('node:fs')).readFileSync(saved).equals(pdf)).toBe(true);

  // A web page named like a PDF is refused by its content.
  await page.getByLabel('File').setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await page.getByLabel('Kind of document').selectOption({ label: 'Other' });
  await page.getByRole('button', { name: 'Upload document' }).click();
  await expect(page.locator('#document-file-error')).toContainText('The file must be a PDF or a photo');
  await expect(page.getByLabel('File')).toBeFocused();

  await page.reload();
  const timeline = page.getByRole('complementary', { name: 'Timeline' });
  await expect(timeline).toContainText('Document added');
  await expect(timeline).toContainText('Document downloaded');
  // The timeline says the kind of document, never its file name (it can name a person).
  await expect(timeline).toContainText("Passport or seaman's book");
  await expect(timeline).not.toContainText('passport-scan.pdf');
  const href = await page.getByRole('link', { name: 'passport-scan.pdf' }).getAttribute('href');

  const other = await browser.newContext({ locale: 'en-GB' });
  const jed = await other.newPage();
  await signIn(jed, 'officer.jed@payung.test');
  const response = await jed.request.get(href!);
  expect(response.status()).toBe(404);
  expect((await response.body()).includes(Buffer.from('%PDF'))).toBe(false);
  await other.close();
});

test('an officer adds a family contact and corrects an undisclosed subject, whose identity stays off the timeline', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await startIntake(page);
  await subject(page, 1).getByLabel('Full name').fill('Hidden Person');
  await subject(page, 1).getByLabel('Identity must stay undisclosed').check();
  await page.getByLabel('Account of events').fill('Escaped from the employer’s house.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();

  await openSection(page, 'People');
  await page.getByRole('button', { name: 'Add a person' }).click();
  const form = page.getByRole('form', { name: 'Add a person' });
  await form.getByLabel('Role on the case').selectOption({ label: 'Family contact at home' });
  await form.getByLabel('Full name').fill('Ibu Aminah');
  await form.getByLabel('Relationship (optional)').fill('mother');
  await form.getByLabel('Phone (optional)').fill('+62 812 3456 7890');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: /Ibu Aminah/ })).toContainText('family contact');
  const timeline = page.getByRole('complementary', { name: 'Timeline' });
  await expect(timeline).toContainText(`${reference}-F1 added`);

  await page.getByRole('button', { name: `Edit ${reference}-S1` }).click();
  const edit = page.getByRole('form', { name: 'Edit' });
  await expect(edit.getByLabel('Full name')).toHaveValue('Hidden Person');
  await edit.getByLabel('Full name').fill('Hidden Person Corrected');
  await edit.getByRole('button', { name: 'Save person' }).click();
  await expect(timeline).toContainText(`Details of ${reference}-S1 changed`);
  await expect(timeline).toContainText(`Identity of ${reference}-S1 revealed`);
  await expect(page.getByText('Hidden Person Corrected')).toHaveCount(0);
});

test('a document upload sent from another site is refused', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  const origin = new URL(page.url()).origin;
  // Refused before anything else is looked at, so any case id will do.
  const upload = (from: string) =>
    page.request.post('/api/cases/00000000-0000-4000-8000-000000000000/documents', {
      headers: { Origin: from },
      multipart: { kind: 'other', partyId: '', file: { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('x') } },
    });
  const foreign = await upload('https://evil.example');
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error).toBe('errors.foreignOrigin');
  // From the site itself the same request reaches the upload's own checks (here: the kind is not valid).
  const own = await upload(origin);
  expect(own.status()).toBe(422);
  expect((await own.json()).error).not.toBe('errors.foreignOrigin');
});

test('on a case with an undisclosed identity, file names stay hidden: a document shows as its kind', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await startIntake(page);
  await subject(page, 1).getByLabel('Full name').fill('Rahasia Dokumen');
  await subject(page, 1).getByLabel('Identity must stay undisclosed').check();
  await page.getByLabel('Account of events').fill('Her passport was taken.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  await openSection(page, 'Documents');
  await page.getByLabel('File').setInputFiles({ name: 'paspor Rahasia Dokumen.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByLabel('Kind of document').selectOption({ label: "Passport or seaman's book" });
  await page.getByRole('button', { name: 'Upload document' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'uploaded.' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('File names are not shown on this case')).toBeVisible();
  const link = (await openSection(page, 'Documents')).getByRole('link', { name: "Passport or seaman's book" });
  await expect(link).toBeVisible();
  expect(await page.content()).not.toContain('Rahasia Dokumen');
  await expectAccessible(page);
  // The file itself still comes with its name, and the download is recorded on the case.
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('paspor Rahasia Dokumen.pdf');
});
