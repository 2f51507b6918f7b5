import type { Page } from '@playwright/test';
import { createCase, expect, signIn, test } from './fixtures';

/** An officer's phone (iPhone 12–15 size): no page of any role may scroll sideways. */
test.use({ viewport: { width: 390, height: 844 } });

const ROLES = ['officer.kul@payung.test', 'supervisor@payung.test', 'admin@payung.test', 'auditor@payung.test'];

/** How far the page scrolls sideways (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Every address the role's navigation offers, and the pages one step below them that everyone opens. */
async function pagesOf(page: Page): Promise<string[]> {
  const hrefs = await page.locator('header nav a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  return [...new Set([...hrefs, '/account/security'])];
}

for (const email of ROLES) {
  test(`every page of ${email.split('@')[0]} fits a phone's width, behind a menu button`, async ({ page, browser, baseURL }) => {
    await signIn(page, email);
    const addresses = await pagesOf(page);
    expect(addresses.length).toBeGreaterThan(1);
    if (email.startsWith('officer')) {
      await createCase(page, { name: 'Phone Subject', account: 'Met at the shelter; recorded on a phone.' });
      addresses.push(new URL(page.url()).pathname, '/cases/new');
    }
    const wide: string[] = [];
    for (const address of addresses) {
      await page.goto(address);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      const by = await overflow(page);
      if (by > 0) wide.push(`${address} scrolls sideways by ${by} px`);
    }
    expect(wide).toEqual([]);

    // Indonesian words are longer ("Pejabat yang ditugaskan"): the officer's pages again in Bahasa Indonesia.
    if (email.startsWith('officer')) {
      const indonesian = await browser.newContext({ baseURL, locale: 'id-ID', viewport: { width: 390, height: 844 } });
      const id = await indonesian.newPage();
      await signIn(id, email);
      for (const address of addresses) {
        await id.goto(address);
        await expect(id.getByRole('heading', { level: 1 }).first()).toBeVisible();
        const by = await overflow(id);
        if (by > 0) wide.push(`${address} (id) scrolls sideways by ${by} px`);
      }
      await indonesian.close();
      expect(wide).toEqual([]);
    }

    // The navigation is one button until opened; its links are then large enough to touch.
    const menu = page.getByRole('button', { name: /^(Menu)$/ });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('header nav')).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    const first = page.locator('header nav a').first();
    await expect(first).toBeVisible();
    const box = (await first.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
    await first.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  });
}
