import { errorSummary, expect, expectAccessible, signIn, signOut, test } from './fixtures';

test.describe('without an English browser', () => {
  test.use({ locale: 'fr-FR' });

  test('the sign-in page is in Indonesian, and the switch turns it to English', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    // English pages say which English: dates are written day-month-year (en-GB).
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  });

  test('errors are in Indonesian too', async ({ page }) => {
    await signIn(page, 'officer.kul@payung.test', 'salah');
    await expect(errorSummary(page)).toContainText('Alamat email atau kata sandi tidak tepat');
  });
});

test.describe('an Indonesian browser', () => {
  test.use({ locale: 'id-ID' });

  test('gets Indonesian; a signed-in user’s choice is saved on their account', async ({ page, browser }) => {
    await signIn(page, 'officer.jed@payung.test');
    await expect(page.getByRole('heading', { level: 1, name: 'Kasus saya' })).toBeVisible();
    await expect(page.getByTestId('current-user')).toContainText('Pejabat konsuler');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
    await expect(page.getByTestId('current-user')).toContainText('Consular officer');
    await signOut(page);

    // Another browser, Indonesian by default: the saved choice wins once signed in.
    const other = await browser.newContext({ locale: 'id-ID' });
    const second = await other.newPage();
    await signIn(second, 'officer.jed@payung.test');
    await expect(second.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
    await second.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
    await expect(second.getByRole('heading', { level: 1, name: 'Kasus saya' })).toBeVisible();
    await other.close();
  });
});
