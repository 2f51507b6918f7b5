import { expect, test } from '@playwright/test';
import { errorSummary, expectAccessible, signIn } from './fixtures';

test('an officer records a detention, a visit, a death-penalty proceeding and a hearing in the court’s time zone', async ({ page }) => {
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/cases/new');
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Detained Crew');
  await page.getByLabel('Category').selectOption({ label: 'Criminal (citizen as defendant)' });
  await page.getByLabel('Account of events').fill('Arrested at KLIA; charged under s39B.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const legal = page.getByRole('region', { name: 'Legal' });

  await legal.getByRole('button', { name: 'Record a detention' }).click();
  const detention = page.getByRole('form', { name: 'Record a detention' });
  await detention.getByLabel('Facility').fill('Sungai Buloh prison');
  await detention.getByLabel('Detained since').fill('2026-03-01');
  await detention.getByRole('button', { name: 'Record a detention' }).click();
  await expect(legal).toContainText('Sungai Buloh prison');
  await expect(legal).toContainText('No visit for 90 days');

  await legal.getByRole('button', { name: 'Record a consular visit' }).click();
  await page.getByRole('form', { name: 'Record a consular visit' }).getByLabel('Findings (optional)').fill('In good health');
  await page.getByRole('form', { name: 'Record a consular visit' }).getByRole('button', { name: 'Record a consular visit' }).click();
  await expect(legal).toContainText('In good health');
  await expect(legal.getByText('No visit for 90 days')).toHaveCount(0);

  await legal.getByRole('button', { name: 'Record a proceeding' }).click();
  const proceeding = page.getByRole('form', { name: 'Record a proceeding' });
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
});
