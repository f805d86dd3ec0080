// Every main page at a phone's size and a laptop's, in light and dark, saved as screenshots to
// look at (test-results/…/screens), with the layout rules a phone needs checked by bounding boxes
// and axe run on each (serious and critical: none).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { openFilm, rateOpenFilm, search, waitForCatalog } from './app';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
] as const;

/** Nothing is wider than the screen: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${where}: sideways scroll`).toBeLessThanOrEqual(0);
}

for (const size of SIZES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every page at ${size.width} px, ${colorScheme}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme });
      const isPhone = size.name === 'phone';
      const shot = async (name: string) => {
        await expectNoSidewaysScroll(page, name);
        if (isPhone) {
          const header = await page.locator('.site-header').boundingBox();
          expect(header!.height, `${name}: header height`).toBeLessThanOrEqual(64);
          await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
        }
        const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
          (v) => v.impact === 'serious' || v.impact === 'critical',
        );
        expect(
          serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          `${name}: axe`,
        ).toEqual([]);
        await page.screenshot({
          path: test.info().outputPath(`screens/${size.name}-${colorScheme}-${name}.png`),
          // A phone's first screen is what a thumb sees; a laptop's whole page fits one look
          // (except Browse, a window over thousands of films).
          fullPage: !isPhone && !name.startsWith('browse'),
        });
      };

      // The first run, held mid-download so that its progress can be seen.
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/artifacts/*/*', async (route) => {
        await released;
        await route.continue();
      });
      await page.goto('/');
      await expect(
        page.getByRole('heading', { name: 'Setting up Filmfold on this device' }),
      ).toBeVisible();
      await shot('first-run');
      release();
      await waitForCatalog(page);
      await page.unrouteAll({ behavior: 'wait' });
      await shot('browse');
      if (isPhone) {
        // The filters wait in a sheet; the first films are on the first screen.
        const first = await page.getByRole('listitem').first().boundingBox();
        expect(first!.y, 'the first film starts on the first screen').toBeLessThan(400);
        await page.getByRole('button', { name: /^Filters/ }).click();
        await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
      } else {
        await page.getByText('Genres', { exact: true }).click();
      }
      await shot('browse-filters');
      await page.keyboard.press('Escape');

      await search(page, 'toy story');
      await openFilm(page, 'Toy Story');
      await shot('film');
      if (isPhone) {
        for (const star of await page.locator('.stars .half').all()) {
          const box = (await star.boundingBox())!;
          expect(box.height, 'a half star is tall enough to touch').toBeGreaterThanOrEqual(44);
          expect(box.width * 2, 'a star is wide enough to touch').toBeGreaterThanOrEqual(44);
        }
      }

      await page.goto('/for-you');
      await expect(page.getByRole('status').filter({ hasText: /many people love/ })).toBeVisible();
      await shot('for-you-new');
      await page.goto('/');
      await search(page, 'toy story');
      await openFilm(page, 'Toy Story');
      await rateOpenFilm(page, 4.5);
      await page.goto('/for-you');
      await expect(
        page.getByRole('status').filter({ hasText: /picks from 1 rating/ }),
      ).toBeVisible();
      await shot('for-you');
      if (isPhone) {
        const first = await page.getByRole('article').first().boundingBox();
        expect(first!.y, 'the first pick starts high on the first screen').toBeLessThan(300);
        for (const button of await page.getByRole('article').first().getByRole('button').all()) {
          const box = (await button.boundingBox())!;
          expect(
            Math.min(box.width, box.height),
            'a card button a thumb can hit',
          ).toBeGreaterThanOrEqual(44);
        }
      }
      for (const tab of ['ratings', 'watchlist', 'diary']) {
        await page.goto(`/my?tab=${tab}`);
        await shot(`my-${tab}`);
      }
      await page.goto('/taste');
      await expect(page.getByRole('figure', { name: 'Your taste map' })).toBeVisible();
      await shot('taste');
      await page.goto('/account');
      await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
      await shot('account');
      await page.goto('/privacy');
      await shot('privacy');
      await page.goto('/import');
      await expect(page.getByRole('heading', { name: 'Bring your ratings' })).toBeVisible();
      await shot('import');
      await page.goto('/ask');
      await expect(page.getByRole('heading', { name: 'Ask Filmfold' })).toBeVisible();
      await shot('ask-new');
      await page.getByLabel('What are you in the mood for?').fill('90s comedies with Tom Hanks');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      await expect(page.getByRole('article').first()).toBeVisible();
      await shot('ask');
      if (isPhone) {
        const first = await page.getByRole('article').first().boundingBox();
        expect(first!.y, 'the first answer starts on the first screen').toBeLessThan(700);
      }
      await page.goto('/start');
      await expect(page.getByRole('heading', { name: 'Welcome to Filmfold' })).toBeVisible();
      await shot('welcome');
    });
  }
}
