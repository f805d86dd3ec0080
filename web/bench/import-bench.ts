// Runs in Node: part of `npm run bench` (after `npm run build -w web`). A 10,000-row Letterboxd
// diary imported on the device in real Chromium against the real server: the time to read and
// match it (until the preview says what it adds), the time to write it, and the page's longest
// task meanwhile (a long task is one over 50 ms; the page should have none over 100 ms).
import { strToU8, zipSync } from 'fflate';
import { median, mulberry32 } from '@filmfold/model';
import type { Browser } from '@playwright/test';
import { openDatasetFiles } from '../../datasets/src/movielens/dataset-files';
import { readMovies } from '../../datasets/src/movielens/load';
import { launchChromium, movieLens, startServer } from './bench-browser';

const ROWS = 10_000;
const RUNS = Number(process.env.RUNS ?? 3);

const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A diary of `ROWS` viewings of ml-latest-small films (seeded), rewatches included. */
async function diaryZip(): Promise<Buffer> {
  const movies = (await readMovies(await openDatasetFiles(movieLens))).filter((m) => m.year);
  const random = mulberry32(7);
  const seen = new Set<number>();
  const lines = ['Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date'];
  for (let i = 0; i < ROWS; i++) {
    const film = movies[Math.floor(random() * movies.length)]!;
    const day = new Date(Date.UTC(2012, 0, 1) + Math.floor(random() * 4700) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const rating = Math.ceil(random() * 10) / 2;
    const rewatch = seen.has(film.id) ? 'Yes' : '';
    seen.add(film.id);
    lines.push(
      `${day},${cell(film.title)},${film.year},https://boxd.it/d${i},${rating},${rewatch},,${day}`,
    );
  }
  return Buffer.from(zipSync({ 'letterboxd-bench/diary.csv': strToU8(lines.join('\n')) }));
}

async function importOnce(browser: Browser, url: string, zip: Buffer) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.waitForSelector('input[type=search], h1#start-title', { timeout: 120_000 });
  await page.goto(`${url}/import`);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const started = Date.now();
  await page.getByLabel('Export file').setInputFiles({
    name: 'letterboxd-bench.zip',
    mimeType: 'application/zip',
    buffer: zip,
  });
  await page.getByText(/^\s*Importing adds/).waitFor({ timeout: 120_000 });
  const readMs = Date.now() - started;
  const writing = Date.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const done = page.getByRole('status').filter({ hasText: /Imported [\d,]+ items?/ });
  await done.waitFor({ timeout: 300_000 });
  const writeMs = Date.now() - writing;
  const imported = Number(
    (await done.textContent())!.match(/Imported ([\d,]+)/)![1]!.replace(/,/g, ''),
  );
  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks,
  );
  await context.close();
  return {
    readMs,
    writeMs,
    imported,
    longest: Math.max(0, ...longTasks),
    over100: longTasks.filter((d) => d > 100).length,
  };
}

async function main() {
  process.stderr.write('Starting the server (the first start trains a model) …\n');
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const zip = await diaryZip();
    console.log(
      `Import of a ${ROWS.toLocaleString('en-GB')}-row Letterboxd diary in Chromium (${RUNS} runs, each on a fresh device).\n`,
    );
    console.log(
      '| run | read and match ms | write ms | total ms | diary entries written | longest task ms | tasks over 100 ms |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    const runs: Awaited<ReturnType<typeof importOnce>>[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const r = await importOnce(browser, server.url, zip);
      runs.push(r);
      console.log(
        `| ${run} | ${r.readMs} | ${r.writeMs} | ${r.readMs + r.writeMs} | ${r.imported} | ${Math.round(r.longest)} | ${r.over100} |`,
      );
    }
    const m = (f: (r: (typeof runs)[number]) => number) => Math.round(median(runs.map(f)));
    console.log(
      `| median | ${m((r) => r.readMs)} | ${m((r) => r.writeMs)} | ${m((r) => r.readMs + r.writeMs)} | ${m((r) => r.imported)} | ${m((r) => r.longest)} | ${m((r) => r.over100)} |`,
    );
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
  }
}

await main();
