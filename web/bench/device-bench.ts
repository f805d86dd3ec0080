// Runs in Node: part of `npm run bench` (`npm run bench:device` alone; builds the PWA first). The
// device at ml-25m's catalog size, in real Chromium against the real server: a synthetic catalog
// of 62,000 films (1M ratings in ml-25m's proportions, datasets/src/synthetic.ts) and the model
// trained on it. Per fresh device (median of 3): the first visit's install (time and bytes), the
// IndexedDB it fills, a repeat visit with no network to a usable Browse page, search, For you
// with 20, 200 and 2,000 ratings (each from a page load, then once more from Browse within the
// app) and the taste page with 2,000, with the page's JavaScript heap and the renderer process's
// resident set (the page and its workers) after each.
import { readFileSync } from 'node:fs';
import { syntheticCatalogFolder } from '@filmfold/datasets';
import { median } from '@filmfold/model';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { launchChromium, startServer } from './bench-browser';

const RUNS = Number(process.env.DEVICE_BENCH_RUNS ?? 3);
const RATED = [20, 200, 2000] as const;
/** The search box waits for a pause in typing before it searches. */
const TYPING_PAUSE_MS = 200;

interface DeviceRun {
  installMs: number;
  installBytes: number;
  storedBytes: number;
  offlineBrowseMs: number;
  searchMs: number;
  forYouMs: number[];
  /** For you opened again from Browse within the app (no page load), 2,000 ratings. */
  forYouInAppMs: number;
  tasteMs: number;
  heap: { after: string; pageMiB: number; rendererMiB: number }[];
}

const MiB = 2 ** 20;

/** Milliseconds since this page's navigation started, read inside the page. */
const sinceNavigation = (page: Page) => page.evaluate(() => performance.now());

/**
 * The page's clock at the first animation frame where a status (role=status) reads `pattern`:
 * checked every frame inside the page, so that the time is not that of Playwright's retries
 * (which wait up to 500 ms between looks).
 */
async function statusShownAt(page: Page, pattern: RegExp, timeout = 120_000): Promise<number> {
  const shown = await page.waitForFunction(
    (source) => {
      const read = new RegExp(source);
      const statuses = Array.from(document.querySelectorAll('[role="status"]'));
      return statuses.some((status) => read.test(status.textContent?.trim() ?? ''))
        ? performance.now()
        : 0;
    },
    pattern.source,
    { polling: 'raf', timeout },
  );
  return (await shown.jsonValue()) as number;
}

/** The page's clock at the first frame where every one of the figure captions `captions` shows. */
async function figuresShownAt(page: Page, captions: string[]): Promise<number> {
  const shown = await page.waitForFunction(
    (wanted) => {
      const shownCaptions = Array.from(document.querySelectorAll('figure figcaption')).map((c) =>
        c.textContent?.trim(),
      );
      return wanted.every((caption) => shownCaptions.includes(caption)) ? performance.now() : 0;
    },
    captions,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await shown.jsonValue()) as number;
}

/** The page's JavaScript heap (CDP) and the renderer process's resident set (/proc). */
async function heapOf(browser: Browser, page: Page, after: string) {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  await session.detach();
  const system = await browser.newBrowserCDPSession();
  const { processInfo } = (await system.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  await system.detach();
  // One context and page at a time: the renderer is the page's (its workers live in it too).
  const renderers = processInfo.filter((p) => p.type === 'renderer');
  const rss = renderers.reduce((sum, { id }) => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))![1]);
      return sum + kb * 1024;
    } catch {
      return sum; // gone already
    }
  }, 0);
  return { after, pageMiB: used / MiB, rendererMiB: rss / MiB };
}

/** Stores `count` ratings of the most rated films on the device, as if the person had given them. */
async function rate(page: Page, count: number) {
  await page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('filmfold');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('ratings', 'readwrite');
    const store = tx.objectStore('ratings');
    store.clear();
    const start = Date.UTC(2020, 0, 1);
    for (let i = 0; i < count; i++) {
      store.put({
        movieId: 1 + i,
        rating: 0.5 + ((i * 7) % 10) / 2,
        ratedAt: new Date(start + i * 3_600_000).toISOString(),
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
}

/** The page's clock when Browse is usable: the search box, and the count of films found. */
async function browseReady(page: Page): Promise<number> {
  await page.locator('#film-search').waitFor({ timeout: 60_000 });
  return statusShownAt(page, /^[\d,]+ films?$/, 60_000);
}

async function oneDevice(browser: Browser, url: string): Promise<DeviceRun> {
  const context: BrowserContext = await browser.newContext();
  const page = await context.newPage();
  let installBytes = 0;
  page.on('response', (res) => {
    if (res.url().includes('/api/artifacts/'))
      void res.body().then(
        (body) => (installBytes += body.byteLength),
        () => {},
      );
  });
  const started = Date.now();
  await page.goto(`${url}/`);
  await page
    .locator('#film-search, h1#start-title')
    .first()
    .waitFor({ timeout: 10 * 60_000 });
  const installMs = Date.now() - started;
  const storedBytes = await page.evaluate(
    async () => (await navigator.storage.estimate()).usage ?? 0,
  );
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 60_000,
  });
  await context.setOffline(true);
  const heap = [await heapOf(browser, page, 'first visit')];

  await page.goto(`${url}/`);
  const offlineBrowseMs = await browseReady(page);
  heap.push(await heapOf(browser, page, 'offline Browse'));

  const searches: number[] = [];
  for (const number of [4242, 31337, 777]) {
    const typed = await sinceNavigation(page);
    await page.locator('#film-search').fill(`Synthetic Film ${number}`);
    const found = await statusShownAt(page, new RegExp(`for “Synthetic Film ${number}”`), 60_000);
    searches.push(found - typed - TYPING_PAUSE_MS);
  }

  const forYouMs: number[] = [];
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  for (const count of RATED) {
    await rate(page, count);
    await page.goto(`${url}/for-you`);
    const shown = await statusShownAt(
      page,
      new RegExp(`picks from ${count.toLocaleString('en')} ratings`),
    ).catch(async (error: unknown) => {
      await page.screenshot({ path: 'device-bench-failure.png' });
      const status = await page.getByRole('status').allTextContents();
      throw new Error(
        `For you with ${count} ratings did not show its picks (status: ${status.join(' | ')}; errors: ${problems.join(' | ')}; screenshot: device-bench-failure.png).`,
        { cause: error },
      );
    });
    forYouMs.push(shown);
    heap.push(await heapOf(browser, page, `For you, ${count.toLocaleString('en')} ratings`));
  }

  await page.getByRole('link', { name: 'Browse' }).first().click();
  await browseReady(page);
  const opened = await sinceNavigation(page);
  await page.getByRole('link', { name: 'For you' }).first().click();
  const forYouInAppMs = (await statusShownAt(page, /picks from 2,000 ratings/)) - opened;

  await page.goto(`${url}/taste`);
  const tasteMs = await figuresShownAt(page, ['How you rate', 'Your taste map']);
  heap.push(await heapOf(browser, page, 'taste, 2,000 ratings'));
  await context.close();
  return {
    installMs,
    installBytes,
    storedBytes,
    offlineBrowseMs,
    searchMs: median(searches),
    forYouMs,
    forYouInAppMs,
    tasteMs,
    heap,
  };
}

async function main(): Promise<void> {
  process.stderr.write('Writing or finding the 62,000-film synthetic catalog …\n');
  const seed = await syntheticCatalogFolder(1_000_000);
  process.stderr.write('Starting the server (its first start trains on 1M ratings) …\n');
  const server = await startServer(seed);
  const browser = await launchChromium();
  try {
    const runs: DeviceRun[] = [];
    for (let run = 0; run < RUNS; run++) {
      process.stderr.write(`Device ${run + 1} of ${RUNS} …\n`);
      runs.push(await oneDevice(browser, server.url));
    }
    const mid = (pick: (run: DeviceRun) => number) => median(runs.map(pick));
    const ms = (value: number) => `${Math.round(value)} ms`;
    console.log(
      `The device with 62,000 films, real Chromium against the real server (median of ${RUNS} fresh devices).\n`,
    );
    console.log('| measure | median | target |');
    console.log('| --- | ---: | --- |');
    console.log(`| first visit: catalog and model installed | ${ms(mid((r) => r.installMs))} | |`);
    console.log(
      `| first visit: bytes downloaded (catalog + model) | ${(mid((r) => r.installBytes) / MiB).toFixed(1)} MiB | |`,
    );
    console.log(
      `| storage used after the first visit (IndexedDB, caches) | ${(mid((r) => r.storedBytes) / MiB).toFixed(1)} MiB | |`,
    );
    console.log(
      `| repeat visit, offline, to a usable Browse page | ${ms(mid((r) => r.offlineBrowseMs))} | under 1,500 ms |`,
    );
    console.log(
      `| search, results after the ${TYPING_PAUSE_MS} ms typing pause | ${ms(mid((r) => r.searchMs))} | |`,
    );
    RATED.forEach((count, i) =>
      console.log(
        `| For you with ${count.toLocaleString('en')} ratings, from opening to picks shown | ${ms(mid((r) => r.forYouMs[i]!))} | ${count === 2000 ? 'under 300 ms' : ''} |`,
      ),
    );
    console.log(
      `| For you with 2,000 ratings again, opened from Browse within the app | ${ms(mid((r) => r.forYouInAppMs))} | |`,
    );
    console.log(
      `| taste page with 2,000 ratings, from opening to charts drawn | ${ms(mid((r) => r.tasteMs))} | |`,
    );
    console.log('\n| after | page JS heap MiB | renderer resident MiB (page and workers) |');
    console.log('| --- | ---: | ---: |');
    runs[0]!.heap.forEach((h, i) =>
      console.log(
        `| ${h.after} | ${mid((r) => r.heap[i]!.pageMiB).toFixed(0)} | ${mid((r) => r.heap[i]!.rendererMiB).toFixed(0)} |`,
      ),
    );
    console.log('\nTarget: JavaScript heap under 300 MB.');
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
  }
}

await main();
