import { expect, test } from '@playwright/test';
import {
  firstVisit,
  openFilm,
  rateOpenFilm,
  search,
  secondDevice,
  signUp,
  waitForCatalog,
} from './app';

const password = 'a perfectly long passphrase';

test('works offline, and a change made offline reaches a second device once back online', async ({
  browser,
}) => {
  const email = `offline${Date.now()}@example.org`;
  const phone = await browser.newContext();
  const page = await phone.newPage();
  await firstVisit(page);
  await signUp(page, email, password);
  await expect(page.getByTestId('sync-state')).toHaveText('Synced');

  await phone.setOffline(true);
  await page.goto('/');
  await page.reload();
  await waitForCatalog(page);
  await search(page, 'heat');
  await openFilm(page, 'Heat');
  await rateOpenFilm(page, 4.5);
  const pill = page.getByRole('link', { name: /^Sync status/ });
  await expect(pill).toContainText('Offline · 1 waiting');

  await phone.setOffline(false);
  await expect(pill).toContainText('Synced', { timeout: 15_000 });

  const { context: laptop, page: second } = await secondDevice(browser, email, password);
  await second.getByRole('link', { name: 'My films' }).click();
  await expect(second.getByRole('combobox', { name: 'Your rating of Heat' })).toHaveValue('4.5');

  await phone.close();
  await laptop.close();
});
