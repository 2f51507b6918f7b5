import { chooseIntakeFacts, chooseProceedingFacts, errorSummary, expect, expectAccessible, signIn, test, openSection } from './fixtures';

test('an officer records a detention, a visit, a death-penalty proceeding and a hearing in the court’s time zone', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Detained Crew');
  await page.getByLabel('Category').selectOption({ label: 'Criminal (citizen as defendant)' });
  await page.getByLabel('Account of events').fill('Arrested at KLIA; charged under s39B.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const legal = await openSection(page, 'Legal');

  await legal.getByRole('button', { name: 'Record a detention' }).click();
  const detention = page.getByRole('form', { name: 'Record a detention' });
  // Whose detention is chosen, never assumed.
  await expect(detention.getByLabel('Person')).toHaveValue('');
  await detention.getByLabel('Person').selectOption({ index: 1 });
  await detention.getByLabel('Facility').fill('Sungai Buloh prison');
  await detention.getByLabel('Detained since').fill('2026-03-01');
  await detention.getByRole('button', { name: 'Record a detention' }).click();
  await expect(legal).toContainText('Sungai Buloh prison');
  await expect(legal).toContainText('No visit for 90 days');

  await legal.getByRole('button', { name: 'Record a consular visit' }).click();
  await page.getByRole('form', { name: 'Record a consular visit' }).getByLabel('Findings (optional)').fill('In good health');
  await page.getByRole('form', { name: 'Record a consular visit' }).getByRole('button', { name: 'Record a consular visit' }).click();
  await expect(legal).toContainText('Findings: In good health');
  await expect(legal).toContainText(/\d+ days after detention/);
  await expect(legal).toContainText(/last visit(ed today| 1 day ago)/);
  await expect(legal.getByText('No visit for 90 days')).toHaveCount(0);

  await legal.getByRole('button', { name: 'Record a proceeding' }).click();
  const proceeding = page.getByRole('form', { name: 'Record a proceeding' });
  // One click records nothing: no person, jurisdiction, role or stage is preselected.
  await proceeding.getByRole('button', { name: 'Record a proceeding' }).click();
  for (const label of ['Person', 'Jurisdiction', 'Role in the proceeding']) await expect(errorSummary(page)).toContainText(`${label}: Choose one of the options`);
  await expect(proceeding.getByLabel('Stage (optional)')).toHaveValue('');
  await chooseProceedingFacts(proceeding);
  await proceeding.getByLabel('Stage (optional)').selectOption({ label: 'Arrested' });
  // The court's zone is picked from Malaysia's, the mission's own first: never typed.
  await expect(proceeding.getByLabel("Court's time zone")).toHaveValue('Asia/Kuala_Lumpur');
  await expect(proceeding.getByLabel("Court's time zone").locator('option')).toHaveText(['Kuala Lumpur (GMT+8)', 'Kuching (GMT+8)', 'Singapore (GMT+8)']);
  await proceeding.getByLabel('Charge (optional)').fill('Drug trafficking (s39B)');
  await proceeding.getByLabel('Court (optional)').fill('Shah Alam High Court');
  await proceeding.getByLabel('Arrested on (optional)').fill('2026-03-01');
  await proceeding.getByLabel('Death penalty').check();
  await expectAccessible(page);
  await proceeding.getByRole('button', { name: 'Record a proceeding' }).click();
  await expect(legal.getByRole('heading', { level: 3 }).first()).toContainText('Death penalty');
  await expect(page.locator('.case-header')).toContainText('Special');

  await legal.getByRole('button', { name: 'Add a hearing' }).click();
  const hearing = page.getByRole('form', { name: 'Add a hearing' });
  await hearing.getByLabel('Date and time at the court').fill('2026-02-01T09:30');
  await hearing.getByRole('button', { name: 'Add a hearing' }).click();
  await expect(errorSummary(page)).toContainText('A hearing cannot be before the arrest');
  await hearing.getByLabel('Date and time at the court').fill('2026-12-03T09:30');
  await hearing.getByLabel('Purpose (optional)').fill('Mention');
  await hearing.getByRole('button', { name: 'Add a hearing' }).click();
  await expect(legal).toContainText('09:30');
  await expect(legal).toContainText('GMT+8');
  await expect(legal).toContainText('Mention');

  await legal.getByRole('button', { name: 'Update the proceeding' }).click();
  await page.getByRole('form', { name: 'Update the proceeding' }).getByLabel('Stage', { exact: true }).selectOption({ label: 'Trial' });
  await page.getByRole('form', { name: 'Update the proceeding' }).getByRole('button', { name: 'Save proceeding' }).click();
  await expect(legal).toContainText('Trial');
  const timeline = page.getByRole('complementary', { name: 'Timeline' });
  await expect(timeline).toContainText('Hearing added');
  await expect(timeline).toContainText('Proceeding updated');
  // In words, not codes.
  await expect(timeline).toContainText('Stage: Arrested → Trial');
});

test('a people-smuggling crew of three, one claiming to be 16: evidence requested, birth certificate attached, claim accepted', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Crew Captain');
  for (const [n, name] of [
    [2, 'Crew Deckhand'],
    [3, 'Crew Boy'],
  ] as const) {
    await page.getByRole('button', { name: 'Add another subject' }).click();
    await page.getByRole('group', { name: `Subject ${n}` }).getByLabel('Full name').fill(name);
  }
  // The deckhand's date of birth is on record (an adult, born in 2002).
  const deckhandBirth = page.getByRole('group', { name: 'Subject 2' }).getByRole('group', { name: /Date of birth/ });
  await deckhandBirth.getByLabel('Day').fill('5');
  await deckhandBirth.getByLabel('Month').fill('3');
  await deckhandBirth.getByLabel('Year').fill('2002');
  await page.getByLabel('Category').selectOption({ label: 'People smuggling (citizen as crew or suspect)' });
  await page.getByLabel('Account of events').fill('Boat intercepted; three crew held.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();

  // The birth certificate, scanned and attached to the case.
  await openSection(page, 'Documents');
  await page.getByLabel('File').setInputFiles({ name: 'akta-kelahiran.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await page.getByLabel('Kind of document').selectOption({ label: 'Birth certificate' });
  await page.getByRole('button', { name: 'Upload document' }).click();
  await expect(page.getByRole('link', { name: 'akta-kelahiran.pdf' })).toBeVisible();

  const age = await openSection(page, 'Age claims');
  await age.getByRole('button', { name: 'Record an age claim' }).click();
  const claim = page.getByRole('form', { name: 'Record an age claim' });
  // Nobody is preselected; a claim against the date on record is pointed out, not refused.
  await expect(claim.getByLabel('Person')).toHaveValue('');
  await claim.getByLabel('Person').selectOption({ label: `${reference}-S2 · Crew Deckhand` });
  // A claimed birth date is typed as day, month and year, like the intake's.
  const claimedBirth = claim.getByRole('group', { name: /Claimed date of birth/ });
  const typeBirth = async (day: string, month: string, year: string) => {
    await claimedBirth.getByLabel('Day').fill(day);
    await claimedBirth.getByLabel('Month').fill(month);
    await claimedBirth.getByLabel('Year').fill(year);
  };
  await typeBirth('5', '3', '2010');
  await expect(claim.getByRole('status')).toContainText('On record: born 5 Mar 2002. This claim says 5 Mar 2010.');
  await claim.getByLabel('Person').selectOption({ label: `${reference}-S3 · Crew Boy` });
  await expect(claim.getByRole('status')).toHaveCount(0);
  await typeBirth('14', '2', '2010');
  await claim.getByLabel('Date that matters').fill('2026-09-01');
  await claim.getByRole('button', { name: 'Record an age claim' }).click();
  const record = age.getByRole('article', { name: `Age claim of ${reference}-S3` });
  await expect(record).toContainText('claims to be 16');
  await expectAccessible(page);

  await record.getByRole('button', { name: 'Request evidence' }).click();
  await expect(record).toContainText('Evidence requested');
  await record.getByRole('button', { name: 'Add proof of age' }).click();
  const evidence = page.getByRole('form', { name: 'Add proof of age' });
  await evidence.getByLabel('Kind of proof').selectOption({ label: 'Birth certificate' });
  await evidence.getByLabel('Source (optional)').fill('Family in Rote');
  await evidence.getByLabel('Issued on (optional)').fill('2015-04-01');
  await evidence.getByLabel('Attached document (optional)').selectOption({ label: 'akta-kelahiran.pdf' });
  await evidence.getByLabel('Verified').check();
  await evidence.getByRole('button', { name: 'Add proof of age' }).click();
  await expect(record).toContainText('Birth certificate · Family in Rote · verified · akta-kelahiran.pdf');
  await expect(record).toContainText('registered late');

  for (const [button, status] of [
    ['Evidence received', 'Evidence received'],
    ['Submit to the host authority', 'Submitted to the host authority'],
    ['Accepted as a minor', 'Accepted as a minor'],
  ] as const) {
    await record.getByRole('button', { name: button }).click();
    await expect(record.locator('.tag.status')).toHaveText(status);
  }
  await expect(page.getByRole('complementary', { name: 'Timeline' })).toContainText('claims to be 16');
});

test('money claimed and recovered, with its currency, and the total in rupiah', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Unpaid Maid');
  await page.getByLabel('Account of events').fill('Fourteen months without wages.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const money = await openSection(page, 'Money');
  await money.getByRole('button', { name: 'Record a claim' }).click();
  const claim = page.getByRole('form', { name: 'Record a claim' });
  await claim.getByLabel('Currency').fill('XYZ');
  await claim.getByLabel('Amount claimed').fill('-5');
  await claim.getByRole('button', { name: 'Record a claim' }).click();
  await expect(errorSummary(page)).toContainText('Enter a currency code like MYR or SAR');
  await expect(errorSummary(page)).toContainText('Enter an amount like 1250.50');
  await expect(errorSummary(page)).toContainText('Kind: Choose one of the options');
  await claim.getByLabel('Kind').selectOption({ label: 'Unpaid wages' });
  await claim.getByLabel('Currency').fill('myr');
  await claim.getByLabel('Amount claimed').fill('12000');
  await claim.getByRole('button', { name: 'Record a claim' }).click();
  await expect(money).toContainText('12,000.00');
  await money.getByRole('button', { name: 'Record money recovered' }).click();
  const payment = page.getByRole('form', { name: 'Record money recovered' });
  await payment.getByLabel('Amount').fill('4000');
  await payment.getByLabel('Rupiah per unit').fill('3550');
  await expectAccessible(page);
  await payment.getByRole('button', { name: 'Record money recovered' }).click();
  await expect(money).toContainText('MYR: 4000.00 / 12000.00');
  await expect(money).toContainText('14,200,000');
});

test('a death-penalty case is on the supervisor’s watch list, not on another mission’s', async ({ page, browser }) => {
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Watched Defendant');
  await page.getByLabel('Category').selectOption({ label: 'Criminal (citizen as defendant)' });
  await page.getByLabel('Account of events').fill('Charged with murder.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  const legal = await openSection(page, 'Legal');
  await legal.getByRole('button', { name: 'Record a proceeding' }).click();
  await chooseProceedingFacts(page.getByRole('form', { name: 'Record a proceeding' }));
  await page.getByRole('form', { name: 'Record a proceeding' }).getByLabel('Death penalty').check();
  await page.getByRole('form', { name: 'Record a proceeding' }).getByRole('button', { name: 'Record a proceeding' }).click();
  await expect(page.locator('.case-header')).toContainText('Special');

  const other = await browser.newContext({ locale: 'en-GB' });
  const supervisor = await other.newPage();
  await signIn(supervisor, 'supervisor@payung.test');
  await supervisor.getByRole('link', { name: 'Death-penalty watch' }).click();
  await expect(supervisor.getByRole('table', { name: 'Death-penalty watch' })).toContainText(reference);
  await expect(supervisor.getByText('Watched Defendant')).toHaveCount(0);
  await expectAccessible(supervisor);
  await other.close();
  const third = await browser.newContext({ locale: 'en-GB' });
  const jed = await third.newPage();
  await signIn(jed, 'officer.jed@payung.test');
  // officer.jed's saved language depends on the language spec: check the page, not its words.
  const response = await jed.goto('/queues/death-penalty');
  expect(response?.status()).toBe(200);
  await expect(jed.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(jed.getByText(reference)).toHaveCount(0);
  await third.close();
});

/** A court-local date some days from today, as the date input wants it ("2026-12-09"). */
function daysAhead(days: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

test('a hearing added appears in the calendar, and its feed answers until revoked', async ({ page, playwright }) => {
  await signIn(page, 'officer.per@payung.test');
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Calendar Defendant');
  await page.getByLabel('Category').selectOption({ label: 'Criminal (citizen as defendant)' });
  await page.getByLabel('Account of events').fill('Charged with overstaying and working without a visa.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  const legal = await openSection(page, 'Legal');

  await legal.getByRole('button', { name: 'Record a proceeding' }).click();
  const proceeding = page.getByRole('form', { name: 'Record a proceeding' });
  await chooseProceedingFacts(proceeding);
  await proceeding.getByLabel('Court (optional)').fill('Perth Magistrates Court');
  await proceeding.getByLabel('Lawyer (optional)').fill('Ms Nguyen');
  await proceeding.getByLabel('Lawyer appointed on (optional)').fill('2026-11-02');
  await proceeding.getByLabel('Lawyer paid by (optional)').selectOption({ label: 'The mission (Indonesian government)' });
  await proceeding.getByLabel('Interpreter (optional)').fill('Pak Hadi (Bahasa Indonesia)');
  await proceeding.getByRole('button', { name: 'Record a proceeding' }).click();
  await expect(legal).toContainText(/Ms Nguyen · Lawyer appointed on 2 Nov 2026 · Lawyer paid by: The mission \(Indonesian government\)/);
  await expect(legal).toContainText('Pak Hadi (Bahasa Indonesia)');

  const day = daysAhead(10, 'Australia/Perth');
  await legal.getByRole('button', { name: 'Add a hearing' }).click();
  await page.getByRole('form', { name: 'Add a hearing' }).getByLabel('Date and time at the court').fill(`${day}T10:15`);
  await page.getByRole('form', { name: 'Add a hearing' }).getByLabel('Purpose (optional)').fill('Plea hearing');
  await page.getByRole('form', { name: 'Add a hearing' }).getByRole('button', { name: 'Add a hearing' }).click();
  await expect(legal).toContainText('Plea hearing');
  // Not held yet: no outcome to record.
  await expect(legal.getByRole('button', { name: 'Record the outcome' })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hearings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hearings calendar');
  const row = page.getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText('10:15');
  await expect(row).toContainText('Perth Magistrates Court');
  await expect(row).toContainText('Plea hearing');
  await expect(page.getByText('Calendar Defendant')).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Month', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Month', exact: true })).toHaveAttribute('aria-current', 'page');
  if (day.slice(0, 7) !== daysAhead(0, 'Australia/Perth').slice(0, 7)) {
    await page.getByRole('link', { name: /Next month/ }).click();
    await expect(page).toHaveURL(new RegExp(`month=${day.slice(0, 7)}`));
  }
  const cell = page.getByRole('cell').filter({ has: page.locator(`time[datetime="${day}"]`) });
  await expect(cell.getByRole('link', { name: new RegExp(reference) })).toContainText('10:15');
  await expectAccessible(page);

  // Subscribe: the address is shown once and read without a session.
  await page.getByRole('button', { name: 'Create a subscription address' }).click();
  const address = await page.getByLabel('Subscription address (PER)').inputValue();
  expect(address).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const calendarApp = await playwright.request.newContext();
  const feed = await calendarApp.get(address);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const ics = await feed.text();
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain(reference);
  expect(ics).not.toContain('Calendar Defendant');

  await page.reload();
  await expect(page.getByText(/PER · Created .* · last read/)).toBeVisible();
  await page.getByRole('button', { name: 'Revoke PER' }).click();
  await page.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The address for PER no longer works.' })).toBeVisible();
  expect((await calendarApp.get(address)).status()).toBe(404);
  await calendarApp.dispose();
});
