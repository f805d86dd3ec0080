import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { secondDevice, signUp } from './app';

/** A Letterboxd export as the site writes it: films by name and year only. */
function letterboxdZip(): Buffer {
  const ratings = [
    'Date,Name,Year,Letterboxd URI,Rating',
    '2024-01-05,Heat,1995,https://boxd.it/a1,4.5',
    '2024-01-06,Toy Story,1995,https://boxd.it/a2,5',
    '2024-01-07,The Matrix,1999,https://boxd.it/a3,4',
    '2024-01-08,Alien,1979,https://boxd.it/a4,3.5',
    '2024-01-09,Fargo,1996,https://boxd.it/a5,4',
    '2024-01-10,Emma,1996,https://boxd.it/a6,3',
    '2024-01-11,A Film That Does Not Exist,2031,https://boxd.it/a7,2',
  ];
  const diary = [
    'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date',
    '2024-01-05,Heat,1995,https://boxd.it/e1,4.5,,,2024-01-04',
    '2024-06-01,Heat,1995,https://boxd.it/e2,5,Yes,,2024-05-31',
  ];
  const watchlist = ['Date,Name,Year,Letterboxd URI', '2024-02-02,Jumanji,1995,https://boxd.it/w1'];
  return Buffer.from(
    zipSync({
      'letterboxd-sam/ratings.csv': strToU8(ratings.join('\r\n')),
      'letterboxd-sam/diary.csv': strToU8(diary.join('\r\n')),
      'letterboxd-sam/watchlist.csv': strToU8(watchlist.join('\r\n')),
    }),
  );
}

test('a newcomer brings a Letterboxd export on the first visit, picks the Emma they meant, gets picks from it, and finds it on a second device', async ({
  page,
  browser,
}) => {
  const email = `import${Date.now()}@example.org`;
  const password = 'a perfectly long passphrase';
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Filmfold' })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('link', { name: /^Bring your ratings/ }).click();
  await expect(page.getByRole('heading', { name: 'Bring your ratings' })).toBeVisible();
  // Signed in, so that the import syncs like any edit.
  await signUp(page, email, password);
  await expect(page.getByTestId('sync-state')).toHaveText('Synced');
  await page.goto('/import');

  // A file from elsewhere gets a clear message and nothing is written.
  await page.getByLabel('Export file').setInputFiles({
    name: 'NetflixViewingHistory.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Title,Date\n"Stranger Things: Season 1",1/2/24\n'),
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'cannot tell which service' }),
  ).toContainText('Nothing was imported');

  await page.getByLabel('Export file').setInputFiles({
    name: 'letterboxd-sam.zip',
    mimeType: 'application/zip',
    buffer: letterboxdZip(),
  });
  await expect(page.getByRole('heading', { name: 'From Letterboxd: 10 rows' })).toBeVisible();
  await expect(page.getByText('1 row not found')).toBeVisible();
  await expect(page.getByText('A Film That Does Not Exist (2031)')).toBeVisible();
  // Two films are called Emma (1996): the person says which.
  const emma = page.getByRole('group', { name: /^Emma \(1996\)/ });
  await expect(emma.getByRole('radio')).toHaveCount(3);
  await emma.getByRole('radio').first().check();
  await expect(
    page.getByRole('status').filter({ hasText: /Importing adds 6 ratings/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /2 diary entries \(1 rewatch\)/ }),
  ).toBeVisible();
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    ),
  ).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('import-preview.png'), fullPage: true });

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 9 items' })).toBeVisible();

  await page.getByRole('link', { name: 'See your picks' }).click();
  await expect(page.getByRole('status').filter({ hasText: /picks from 6 ratings/ })).toBeVisible();
  await page.goto('/my?tab=diary');
  await expect(page.getByRole('link', { name: 'Diary 2' })).toBeVisible();

  await expect(page.getByRole('link', { name: /^Sync status/ })).toContainText('Synced', {
    timeout: 30_000,
  });

  // On a second device, once signed in: the same ratings and diary.
  const { context: laptop, page: second } = await secondDevice(browser, email, password);
  await second.goto('/my');
  await expect(second.getByRole('link', { name: 'Ratings 6' })).toBeVisible();
  await expect(second.getByRole('link', { name: 'Diary 2' })).toBeVisible();
  await laptop.close();

  // The same file again changes nothing.
  await page.goto('/import');
  await page.getByLabel('Export file').setInputFiles({
    name: 'letterboxd-sam.zip',
    mimeType: 'application/zip',
    buffer: letterboxdZip(),
  });
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Everything in this file is already on this device.' }),
  ).toBeVisible();
});
