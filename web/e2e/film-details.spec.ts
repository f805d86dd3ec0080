import { expect, type Page, test } from '@playwright/test';
import { firstVisit, openFilm, search, waitForCatalog } from './app';

/** Whether an <img> has loaded real pixels (not a broken image). */
const isLoaded = (page: Page, selector: string) =>
  page.locator(selector).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

/** Console errors (a CSP violation shows there), kept for the end of the test. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

test('posters, director, cast, trailer and where to watch come from TMDB (stubbed)', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  const thirdParty: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://localhost')) thirdParty.push(request.url());
  });
  await page.goto('/');
  await waitForCatalog(page);
  await expect(page.getByRole('heading', { name: 'Trending this week' })).toBeVisible();

  // The grid shows posters, through the server's image proxy.
  const firstPoster = page.getByRole('list', { name: 'Films' }).locator('img').first();
  await expect(firstPoster).toHaveAttribute('src', /^\/api\/posters\/w185\/\w+\.png$/);
  await expect.poll(() => isLoaded(page, '[aria-label="Films"] img >> nth=0')).toBe(true);

  // A director's name finds their films.
  await search(page, 'christopher nolan');
  for (const title of ['Inception', 'The Dark Knight', 'Memento', 'The Prestige'])
    await expect(page.getByRole('link', { name: new RegExp(`^${title}`) }).first()).toBeVisible();

  await openFilm(page, 'Inception');
  const credits = page.locator('dl.credits');
  await expect(credits.getByRole('link', { name: 'Christopher Nolan' })).toBeVisible();
  await expect(credits.getByRole('link', { name: 'Leonardo DiCaprio' })).toBeVisible();
  await expect(page.getByText('2 h', { exact: false }).first()).toBeVisible();
  await expect(page.getByLabel('Ratings elsewhere')).toContainText('7.7/10');

  // Where to watch, in a region the person picks (remembered on this device).
  await page.getByRole('combobox', { name: 'Region' }).selectOption('GB');
  await expect(page.getByRole('list', { name: 'Stream from' })).toContainText('Netflix');
  await expect(page.getByText('Where-to-watch data by JustWatch.')).toBeVisible();

  // The trailer: nothing from YouTube until the person asks for it.
  const play = page.getByRole('button', { name: 'Play trailer' });
  await expect(play).toBeVisible();
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(thirdParty).toEqual([]);
  await play.press('Enter');
  await expect(page.locator('iframe')).toBeFocused();
  await expect(
    page.frameLocator('iframe[title="Trailer: Inception"]').locator('body'),
  ).toBeAttached();
  await expect(page.locator('iframe')).toHaveAttribute(
    'src',
    /^https:\/\/www\.youtube-nocookie\.com\/embed\/\w+/,
  );

  // Each person links to their films in the catalog.
  await page.goto('/films/79132');
  await page.locator('dl.credits').getByRole('link', { name: 'Christopher Nolan' }).click();
  await expect(page).toHaveURL(/person=Christopher\+Nolan/);
  await expect(
    page.getByRole('button', { name: 'Remove director or cast Christopher Nolan' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /^Interstellar/ })).toBeVisible();

  // No CSP violation or other error along the way (the trailer's own load fails offline-by-design
  // here: the test machine has no internet, which shows as a failed frame, not a console error).
  expect(errors.filter((e) => /Content Security Policy/.test(e))).toEqual([]);
});

test('a film page seen before keeps its poster and details offline', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await firstVisit(page);
  await page.goto('/films/79132');
  await expect(page.getByRole('list', { name: 'Stream from' })).toBeVisible();
  await expect.poll(() => isLoaded(page, '.film .poster img')).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Inception');
  await expect(page.locator('dl.credits')).toContainText('Christopher Nolan');
  await expect(page.locator('.film .poster img')).toHaveAttribute('src', /^\/api\/posters\/w500\//);
  await expect.poll(() => isLoaded(page, '.film .poster img')).toBe(true);
  // The last answer about where to watch is kept too.
  await expect(page.getByRole('list', { name: 'Stream from' })).toBeVisible();
  await context.close();
});
