import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openFilm, rateOpenFilm, search, signUp, waitForCatalog } from './app';

test('contributing anonymously is off by default, sends no cookie when on, and stops when off', async ({
  page,
}) => {
  await page.goto('/');
  await waitForCatalog(page);
  await signUp(page, `contributor${Date.now()}@example.org`, 'a perfectly long passphrase');
  await page.goto('/');
  await search(page, 'alien');
  await openFilm(page, 'Alien');
  await rateOpenFilm(page, 4.5);

  await page.goto('/privacy');
  const share = page.getByRole('switch', { name: 'Share my ratings anonymously' });
  await expect(share).not.toBeChecked();
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    ),
  ).toEqual([]);

  const upload = page.waitForRequest(
    (r) => r.url().endsWith('/api/contributions') && r.method() === 'POST',
  );
  await share.check();
  const request = await upload;
  // Signed in, yet the upload carries no session cookie: it cannot be linked to the account.
  expect(await request.allHeaders()).not.toHaveProperty('cookie');
  const body = request.postDataJSON() as { ratings: { movieId: number; ratedOn: string }[] };
  expect(body.ratings).toHaveLength(1);
  expect(body.ratings[0]!.ratedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByText('Thank you: 1 rating sent anonymously.')).toBeVisible();

  const withdrawal = page.waitForRequest(
    (r) => r.url().includes('/api/contributions/') && r.method() === 'DELETE',
  );
  await share.uncheck();
  await withdrawal;
  await expect(share).not.toBeChecked();
  await expect(page.getByText('Contribution is off. Nothing more will be sent.')).toBeVisible();
});
