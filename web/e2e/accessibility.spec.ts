import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { openFilm, rateOpenFilm, search, waitForCatalog } from './app';

/** Serious and critical axe violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every main page passes axe in the ${colorScheme} theme`, async ({ page }) => {
    // A walk through every main page, axe on each: more than the default 30 s on a busy machine.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    await page.route('**/api/artifacts/catalog/*', async (route) => {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.fulfill({ response });
    });
    await page.goto('/');
    await expect(page.getByRole('progressbar', { name: 'Catalog download' })).toBeVisible();
    expect(await seriousViolations(page), 'first run').toEqual([]);
    await expect(page.getByRole('heading', { name: 'Welcome to Filmfold' })).toBeVisible({
      timeout: 60_000,
    });
    expect(await seriousViolations(page), 'welcome').toEqual([]);

    await waitForCatalog(page);
    expect(await seriousViolations(page), 'browse').toEqual([]);
    await page.getByText('Genres', { exact: true }).click();
    expect(await seriousViolations(page), 'browse with genres open').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('checkbox', { name: 'Animation' })).toBeHidden();

    await search(page, 'toy story');
    await openFilm(page, 'Toy Story');
    await rateOpenFilm(page, 4);
    await page.getByRole('button', { name: '+ Watchlist' }).click();
    await page.getByRole('button', { name: 'Log viewing' }).click();
    expect(await seriousViolations(page), 'film page').toEqual([]);

    for (const tab of ['Ratings', 'Watchlist', 'Diary']) {
      await page.goto(`/my?tab=${tab.toLowerCase()}`);
      await expect(page.getByRole('link', { name: new RegExp(`^${tab}`) })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(page.getByRole('link', { name: 'Toy Story' })).toBeVisible();
      expect(await seriousViolations(page), `my films: ${tab}`).toEqual([]);
    }

    await page.goto('/account');
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
    expect(await seriousViolations(page), 'account').toEqual([]);

    await page.goto('/ask');
    await page.getByLabel('What are you in the mood for?').fill('90s comedies with Tom Hanks');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect(page.getByRole('article').first()).toBeVisible();
    expect(await seriousViolations(page), 'ask').toEqual([]);
  });
}

test('can be used by keyboard: the first Tab reaches the skip link, which moves to the content', async ({
  page,
}) => {
  await page.goto('/');
  await waitForCatalog(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
