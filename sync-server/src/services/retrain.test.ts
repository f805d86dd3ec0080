import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { latestManifest } from './publishing';
import { retrainInWorker } from './retrain';
import { tinyMovieLens } from './test-movielens';

describe('retraining in a worker thread', () => {
  it('trains off the server thread and publishes from it, over the one database', async () => {
    // An embedded PGlite: a second process must never open it, which is why training moved here.
    const database = await openDatabase({});
    try {
      const config = loadConfig({ MOVIELENS: tinyMovieLens(), MIN_RATERS: '1' });
      const lines: string[] = [];
      const run = retrainInWorker(database, config, (line) => lines.push(line));
      // The server's thread stays free while the worker trains.
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 5);
      expect(await run.exited).toBe(0);
      clearInterval(ticker);
      expect(ticks).toBeGreaterThan(0);
      const manifest = await latestManifest(database);
      expect(manifest).not.toBeNull();
      expect(lines.some((line) => line.startsWith('Training on 5 ratings'))).toBe(true);
      expect(lines.at(-1)).toBe(
        `Published model ${manifest!.model.version} and catalog ${manifest!.catalog.version}.`,
      );
    } finally {
      await database.close();
    }
  }, 60_000);

  it('publishes nothing when stopped', async () => {
    const database = await openDatabase({});
    try {
      const config = loadConfig({ MOVIELENS: tinyMovieLens(), MIN_RATERS: '1' });
      const run = retrainInWorker(database, config, () => {});
      run.stop();
      expect(await run.exited).not.toBe(0);
      expect(await latestManifest(database)).toBeNull();
    } finally {
      await database.close();
    }
  }, 60_000);
});
