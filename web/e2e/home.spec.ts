import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('home page', () => {
  test('shows what Filmfold is and that the sync server is online', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/Filmfold/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'learned on your own device',
    );
    await expect(page.getByRole('status')).toHaveText('Sync server online');
  });

  test('is served for client-side routes too', async ({ page }) => {
    await page.goto('/films/1');
    await expect(page.getByRole('link', { name: 'Filmfold home' })).toBeVisible();
  });

  test('can be used by keyboard: the first Tab reaches the skip link', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`passes an axe accessibility check in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      await expect(page.getByRole('status')).toHaveText('Sync server online');
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  }
});
