// Runs in Node, for the browser benches: the real server on a free port over a fresh data folder
// (serving the built web app), and Debian's Chromium.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const movieLens =
  process.env.FILMFOLD_MOVIELENS ?? join(root, '../shared/datasets/ml-latest-small');

/** Starts the server (its first start trains a model); resolves once it listens. */
export async function startServer(seed = movieLens): Promise<{ child: ChildProcess; url: string }> {
  const port = 43000 + Math.floor(Math.random() * 1000);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'sync-server/src/main.ts')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'filmfold-bench-')),
        MOVIELENS: seed,
        WEB_DIR: join(root, 'web/build'),
        RETRAIN_HOURS: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Filmfold is running at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`The server exited (${code}).`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
