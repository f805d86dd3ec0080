// Runs in Node: part of `npm run bench` (after `npm run build -w web`). A Lighthouse-style budget
// in real Chromium against the real server: the JavaScript each route downloads with a cold cache
// (raw and gzip, workers included), and the first contentful paint of a repeat visit with no
// network.
import { gzipSync } from 'node:zlib';
import { median } from '@filmfold/model';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, startServer } from './bench-browser';

/** The first route's JavaScript, gzip: what a phone on a slow network waits for. */
const INITIAL_BUDGET_KB = 200;
const ROUTES = ['/', '/start', '/for-you', '/my', '/taste', '/account', '/privacy', '/import'];
const REPEATS = 5;

/** Sums the scripts `page` fetches from now on (the page's own and its workers'). */
function countScripts(page: Page) {
  const scripts: Promise<{ raw: number; gzip: number }>[] = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (type !== 'script' && !res.url().endsWith('.js')) return;
    scripts.push(
      res.body().then(
        (body) => ({ raw: body.byteLength, gzip: gzipSync(body).byteLength }),
        () => ({ raw: 0, gzip: 0 }),
      ),
    );
  });
  return async () => {
    const sizes = await Promise.all(scripts);
    const sum = (key: 'raw' | 'gzip') => sizes.reduce((n, s) => n + s[key], 0);
    return { files: sizes.length, raw: sum('raw'), gzip: sum('gzip') };
  };
}

/**
 * The JavaScript `route` fetches with a cold browser cache: for `/`, a newcomer's very first
 * visit; for the others, a visit by someone whose catalog is on the device already.
 */
async function scriptsOf(browser: Browser, url: string, route: string) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (route !== '/') {
    await page.goto(`${url}/`);
    await page.waitForSelector('input[type=search], h1#start-title', { timeout: 120_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
  }
  const total = countScripts(page);
  await page.goto(`${url}${route}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1000);
  const sizes = await total();
  await context.close();
  return sizes;
}

const firstContentfulPaint = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const seen = performance.getEntriesByName('first-contentful-paint')[0];
        if (seen) return resolve(seen.startTime);
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );

/** First contentful paint of `route` visited again with no network (the service worker answers). */
async function offlineRepeatVisit(browser: Browser, url: string, route: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 60_000,
  });
  // The catalog is in: the search box of Browse, or the first visit's welcome.
  await page.waitForSelector('input[type=search], h1#start-title', { timeout: 120_000 });
  await context.setOffline(true);
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    await page.goto(`${url}${route}`);
    times.push(await firstContentfulPaint(page));
  }
  await context.close();
  return median(times);
}

async function main(): Promise<void> {
  process.stderr.write('Starting the server (the first start trains a model) …\n');
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    console.log(
      `Page budget, real Chromium against the real server (median of ${REPEATS} offline reloads).\n`,
    );
    console.log('| route | JS files | JS KiB | JS KiB gzip | offline repeat visit FCP ms |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    let initialGzip = 0;
    for (const route of ROUTES) {
      process.stderr.write(`Measuring ${route} …\n`);
      const js = await scriptsOf(browser, server.url, route);
      if (route === '/') initialGzip = js.gzip;
      const fcp = await offlineRepeatVisit(browser, server.url, route);
      console.log(
        `| ${route} | ${js.files} | ${kb(js.raw)} | ${kb(js.gzip)} | ${Math.round(fcp)} |`,
      );
    }
    const verdict = initialGzip / 1024 <= INITIAL_BUDGET_KB ? 'within' : 'OVER';
    console.log(
      `\nThe first route's JavaScript: ${kb(initialGzip)} KiB gzip, ${verdict} the ${INITIAL_BUDGET_KB} KiB budget.`,
    );
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
  }
}

await main();
