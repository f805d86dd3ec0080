import { readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { waitForCatalog } from './app';

const ratingsCsv = fileURLToPath(
  new URL('../../../shared/datasets/ml-latest-small/ratings.csv', import.meta.url),
);
const moviesCsv = fileURLToPath(
  new URL('../../../shared/datasets/ml-latest-small/movies.csv', import.meta.url),
);

/** MovieLens user 414's ratings as a Filmfold export, each rating also logged in the diary. */
function user414Export() {
  const rows = parse(readFileSync(ratingsCsv), { columns: true }) as Record<string, string>[];
  const mine = rows.filter((r) => r.userId === '414');
  const at = (r: Record<string, string>) => new Date(Number(r.timestamp) * 1000).toISOString();
  return {
    format: 'filmfold-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    ratings: mine.map((r) => ({
      movieId: Number(r.movieId),
      rating: Number(r.rating),
      ratedAt: at(r),
    })),
    watchlist: [],
    favourites: [],
    viewings: mine.map((r) => ({
      id: `ml414view${r.movieId}`,
      movieId: Number(r.movieId),
      watchedOn: at(r).slice(0, 10),
      rating: Number(r.rating),
      isRewatch: false,
      note: '',
      loggedAt: at(r),
    })),
    feedback: [],
  };
}

test('the taste page with 2,698 ratings: every chart, axe, a known look, and a PDF of it all', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const data = user414Export();
  expect(data.ratings).toHaveLength(2698);
  await page.goto('/');
  await waitForCatalog(page);
  await page.getByRole('link', { name: 'Taste' }).click();
  await page.getByLabel('Import a Filmfold JSON export').setInputFiles({
    name: 'user-414.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data)),
  });
  await expect(page.getByText('Imported 5,396 records.')).toBeVisible({ timeout: 60_000 });

  // Benchmark: from opening the page to every chart drawn (printed, not asserted: machines vary).
  const charts = [
    'How you rate',
    'Genres: your share against everyone’s',
    'Your average rating per genre',
    'Decades',
    'Activity',
    'Your taste map',
    // From the catalog's TMDB credits (the stub's, in these tests).
    'Directors you watch most',
    'Actors you watch most',
  ];
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    await page.getByRole('link', { name: 'Browse' }).click();
    const started = Date.now();
    await page.getByRole('link', { name: 'Taste' }).click();
    for (const title of charts)
      await expect(page.getByRole('figure', { name: title })).toBeVisible();
    await expect(page.locator('svg circle.rated').first()).toBeAttached();
    times.push(Date.now() - started);
  }
  const median = [...times].sort((a, b) => a - b)[1]!;
  console.log(
    `taste page, 2,698 ratings: every chart drawn in ${median} ms (median of 3: ${times.join(', ')} ms)`,
  );
  testInfo.annotations.push({
    type: 'benchmark',
    description: `taste page all charts: median ${median} ms`,
  });

  await expect(page.getByRole('status').filter({ hasText: '2,698 ratings' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Year in review' })).toBeVisible();
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  const seriousInDark = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(seriousInDark.map((v) => v.id)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('figure', { name: 'How you rate' })).toHaveScreenshot(
    'rating-distribution.png',
  );
  await expect(
    page.getByRole('figure', { name: 'Genres: your share against everyone’s' }),
  ).toHaveScreenshot('genre-shares.png');

  // The PDF with every section, read back.
  const form = page.locator('form').filter({ hasText: 'Download PDF' });
  await form.getByLabel('Title').fill('User 414 in films');
  const downloading = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Download PDF' }).click();
  const file = await downloading;
  const path = testInfo.outputPath('user-414-report.pdf');
  await file.saveAs(path);
  mkdirSync(fileURLToPath(new URL('../../test-results/artifacts/', import.meta.url)), {
    recursive: true,
  });
  copyFileSync(
    path,
    fileURLToPath(new URL('../../test-results/artifacts/user-414-report.pdf', import.meta.url)),
  );
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  for (const title of [
    'Your ratings',
    `${data.ratings.length.toLocaleString('en-GB')} films rated, newest first.`,
    'Recommendations',
    'Favourites',
    'Watchlist',
    'Viewing history',
    'Taste charts',
    'Year in review',
    'Directors you watch most',
  ]) {
    expect(text).toContain(title);
  }
  const titles = new Map(
    (parse(readFileSync(moviesCsv), { columns: true }) as Record<string, string>[]).map((m) => [
      Number(m.movieId),
      m.title!,
    ]),
  );
  const plain = data.ratings
    .map((r) => titles.get(r.movieId)!)
    .find((title) => /^[A-Za-z0-9 ':-]+ \(\d{4}\)$/.test(title))!;
  expect(text).toContain(plain.replace(/ \(\d{4}\)$/, ''));
  expect(totalPages).toBeGreaterThanOrEqual(5);
  expect(text).toContain(`Page ${totalPages} of ${totalPages}`);
});
