import { expect, test } from '@playwright/test';
import { openFilm, rateOpenFilm, search, waitForCatalog } from './app';

test('a newcomer downloads the catalog, searches, filters, rates three films, and keeps them', async ({
  page,
}) => {
  // Hold the catalog's download a moment so that its progress can be seen, as on a slow network.
  await page.route('**/api/artifacts/catalog/*', async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ response });
  });
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'Setting up Filmfold on this device' }),
  ).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Catalog download' })).toBeVisible();
  // Once the catalog is in, a welcome with three ways to begin; the tabs stay usable.
  await expect(page.getByRole('heading', { name: 'Welcome to Filmfold' })).toBeVisible({
    timeout: 60_000,
  });
  for (const door of [/^Answer a few quick questions/, /^Bring your ratings/, /^Just browse/])
    await expect(page.getByRole('link', { name: door })).toBeVisible();
  await waitForCatalog(page);
  // It is offered once: the front door is Browse from now on.
  await page.goto('/');
  await expect(page.getByRole('searchbox', { name: 'Search films' })).toBeVisible();

  await search(page, 'toy story');
  const cards = page.getByRole('list', { name: 'Films' }).getByRole('listitem');
  await expect(cards.first()).toContainText('Toy Story');
  await expect(cards.first()).toContainText('1995');

  await page.getByText('Genres', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Animation' }).check();
  await page.getByLabel('From year').fill('1995');
  await page.getByLabel('From year').press('Enter');
  await page.getByLabel('To year').fill('2000');
  await page.getByLabel('To year').press('Enter');
  await expect(page).toHaveURL(/genre=Animation/);
  await expect(page).toHaveURL(/year_from=1995/);
  await expect(page).toHaveURL(/year_to=2000/);
  await expect(
    page.getByRole('status').filter({ hasText: /^2 films for “toy story”$/ }),
  ).toBeVisible();
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText('Toy Story');
  await expect(cards.nth(1)).toContainText('Toy Story 2');

  // A shared link gives the same results.
  const url = page.url();
  await page.goto(url);
  await expect(
    page.getByRole('checkbox', { name: 'Animation', includeHidden: true }),
  ).toBeChecked();
  await expect(cards).toHaveCount(2);

  await openFilm(page, 'Toy Story 2');
  await rateOpenFilm(page, 4);
  await page.goBack();
  await openFilm(page, 'Toy Story');
  await rateOpenFilm(page, 4.5);

  // The third by keyboard: focus the rating group and step up with the arrow keys.
  await page.goto('/');
  await search(page, 'heat');
  await openFilm(page, 'Heat');
  await page.getByRole('radio', { name: '3 stars', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  // The browser checks the radio itself at once; the saved rating is what the summary shows.
  await expect(page.getByRole('radio', { name: '3.5 stars' })).toBeChecked();
  await expect(page.getByText('3.5 ★', { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('radio', { name: '3.5 stars' })).toBeChecked();
  await page.getByRole('link', { name: 'My films' }).click();
  const rows = page.getByRole('row');
  await expect(rows).toHaveCount(4); // a header and three ratings
  await expect(
    page.getByRole('combobox', { name: 'Your rating of Toy Story', exact: true }),
  ).toHaveValue('4.5');
  await expect(page.getByRole('combobox', { name: 'Your rating of Toy Story 2' })).toHaveValue('4');
  await expect(page.getByRole('combobox', { name: 'Your rating of Heat' })).toHaveValue('3.5');
});
