import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { firstVisit, openFilm, rateOpenFilm, search } from './app';

test('the manifest and service worker make the app installable per Chromium', async ({
  baseURL,
}) => {
  // Chromium never offers installation in an incognito-like context, which is what Playwright's
  // contexts are: this check runs in a real (persistent) profile.
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'filmfold-profile-')),
    {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
      baseURL,
    },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  await firstVisit(page);

  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as {
    name: string;
    display: string;
    start_url: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ name: 'Filmfold', display: 'standalone', start_url: '/' });
  for (const icon of manifest.icons) {
    const res = await page.request.get(icon.src);
    expect(res.headers()['content-type'], icon.src).toBe('image/png');
  }

  const cdp = await context.newCDPSession(page);
  const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: unknown[] };
  expect(errors).toEqual([]);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string }[];
  };
  expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  await context.close();
});

test('a device that goes offline right after its first visit still starts every worker', async ({
  page,
  context,
}) => {
  // Only Browse was opened online: the model was never loaded, nor the personal model's training.
  await firstVisit(page);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'For you' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Films many people love/ })).toBeVisible(
    { timeout: 30_000 },
  );
  await expect(page.getByRole('article').first()).toBeVisible();

  // Feedback trains the personal model, whose part (tfjs) the worker loads only then: offline too.
  await page.getByRole('link', { name: 'Browse' }).first().click();
  await search(page, 'heat');
  await openFilm(page, 'Heat');
  await rateOpenFilm(page, 4.5);
  await page.getByRole('link', { name: 'For you' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: /from 1 rating/ })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('article').first().getByRole('button', { name: 'Good pick' }).click();
  await expect(page.getByRole('status').filter({ hasText: /tuned by your feedback/ })).toBeVisible({
    timeout: 30_000,
  });
});
