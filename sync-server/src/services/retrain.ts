// Runs in Node. Train on MovieLens plus the latest contributions, and publish: at first start and
// from the admin command (npm run retrain -w sync-server), never from a public route.
import { join } from 'node:path';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { trainAndPublish } from './publishing';
import { loadSeed } from './seed';

/** Trains and publishes; used at first start and by this command. */
export async function retrain(
  database: Database,
  config: Config,
  say: (message: string) => void,
): Promise<void> {
  const seed = await loadSeed({
    path: config.MOVIELENS,
    archive: config.MOVIELENS_ARCHIVE,
    cacheDir: join(config.DATA_DIR, 'cache'),
    onProgress: say,
  });
  const manifest = await trainAndPublish(database, seed, {
    minRaters: config.MIN_RATERS,
    onProgress: say,
  });
  say(
    `Published model ${manifest.model.version} (${(manifest.model.bytes / 2 ** 20).toFixed(1)} MiB) and catalog ${manifest.catalog.version}.`,
  );
}
