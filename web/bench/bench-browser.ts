// Runs in Node, for the browser benches: the real server on a free port over a fresh data folder
// (serving the built web app), and Debian's Chromium.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startServerProcess } from '../../sync-server/src/test-support/server-process';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const movieLens =
  process.env.FILMFOLD_MOVIELENS ?? join(root, '../shared/datasets/ml-latest-small');

/** Starts the server (its first start trains a model); resolves once it listens. */
export const startServer = (seed = movieLens) =>
  startServerProcess(
    {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'filmfold-bench-')),
      MOVIELENS: seed,
      WEB_DIR: join(root, 'web/build'),
      RETRAIN_HOURS: '0',
    },
    { timeoutMs: 15 * 60_000 },
  );

export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
