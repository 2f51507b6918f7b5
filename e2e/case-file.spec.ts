import { chooseIntakeFacts, expect, expectAccessible, openSection, signIn, test } from './fixtures';

test('the case file opens on what needs doing: an unvisited detainee on top, its section open, the rest on demand and by address', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Held Worker');
  await page.getByLabel('Category').selectOption({ label: 'Immigration' });
  await page.getByLabel('Account of events').fill('Held at the immigration depot since the raid.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const caseUrl = page.url().split('?')[0]!;

  const todo = page.getByRole('region', { name: 'To do' });
  // A new case has steps to plan, and that section is open; the others fold to one line.
  await expect(todo).toContainText('Plan the protection steps');
  await expect(page.getByRole('region', { name: 'Protection steps', exact: true }).locator(':scope > details')).toHaveAttribute('open', '');
  const legalSection = page.getByRole('region', { name: 'Legal', exact: true });
  await expect(legalSection.locator(':scope > details')).not.toHaveAttribute('open', '');
  await expect(legalSection.locator('summary')).toContainText('No proceedings · no detention');
  await expect(page.getByRole('region', { name: 'People', exact: true }).locator('summary')).toContainText('1 subject');

  const legal = await openSection(page, 'Legal');
  await legal.getByRole('button', { name: 'Record a detention' }).click();
  const detention = page.getByRole('form', { name: 'Record a detention' });
  await detention.getByLabel('Person').selectOption({ index: 1 });
  await detention.getByLabel('Facility').fill('Semenyih depot');
  await detention.getByLabel('Detained since').fill('2026-01-05');
  await detention.getByRole('button', { name: 'Record a detention' }).click();
  await expect(legal).toContainText('Semenyih depot');

  // Coming back: the overdue visit leads the list, as overdue, and its section is open.
  await page.goto(caseUrl);
  const first = todo.getByRole('listitem').first();
  await expect(first).toContainText('Overdue');
  await expect(first).toContainText(/in detention: not visited in \d+ days/);
  await expect(legalSection.locator(':scope > details')).toHaveAttribute('open', '');
  await expect(legalSection.locator('summary')).toContainText('1 detention');
  await expectAccessible(page);

  // The list's link and the index open their section; a closed one opens from the keyboard.
  const money = page.getByRole('region', { name: 'Money', exact: true });
  await expect(money.locator(':scope > details')).not.toHaveAttribute('open', '');
  await page.getByRole('navigation', { name: 'Sections of this case' }).getByRole('link', { name: 'Money' }).click();
  await expect(money.locator(':scope > details')).toHaveAttribute('open', '');
  await expect(page).toHaveURL(/#money$/);
  const documents = page.getByRole('region', { name: 'Documents', exact: true });
  await documents.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(documents.locator(':scope > details')).toHaveAttribute('open', '');

  // An address opens its section on arrival (from another page: a new load, not a jump within this one);
  // what the officer opened stays open in this tab, what they never opened stays folded.
  await page.goto('/cases');
  await page.goto(`${caseUrl}#referrals`);
  await expect(page.getByRole('region', { name: 'Consents and referrals', exact: true }).locator(':scope > details')).toHaveAttribute('open', '');
  await expect(money.locator(':scope > details')).toHaveAttribute('open', '');
  await expect(page.getByRole('region', { name: 'Age claims', exact: true }).locator(':scope > details')).not.toHaveAttribute('open', '');
  await money.locator('summary').click();
  await page.reload();
  await expect(documents.locator(':scope > details')).toHaveAttribute('open', '');
  await expect(money.locator(':scope > details')).not.toHaveAttribute('open', '');
});

test.describe('in Indonesian', () => {
  test.use({ locale: 'id-ID' });

  test('the case file says what needs doing in Indonesian', async ({ page }) => {
    await signIn(page, 'officer.kul@payung.test');
    await page.goto('/cases/new');
    await page.getByLabel('Cara kasus diterima').selectOption({ index: 1 });
    await page.getByLabel('Tingkat risiko').selectOption({ index: 1 });
    await page.getByRole('group', { name: 'Subjek 1' }).getByLabel('Nama lengkap').fill('Pekerja Rumah');
    await page.getByLabel('Kategori').selectOption({ index: 1 });
    await page.getByLabel('Kronologi kejadian').fill('Gaji tidak dibayar.');
    await page.getByRole('button', { name: 'Buat kasus' }).click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
    await expect(page.getByRole('region', { name: 'Perlu ditindaklanjuti' })).toContainText('Rencanakan langkah pelindungan');
    await expect(page.getByRole('navigation', { name: 'Bagian kasus ini' })).toContainText('Dokumen');
  });
});
