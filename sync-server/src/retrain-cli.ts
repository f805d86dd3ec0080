// Runs in Node: `npm run retrain -w sync-server`. Trains and publishes a new model; a running
// server keeps serving the old version until the new one is switched in.
import { join } from 'node:path';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { retrain } from './services/retrain';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(
    config.DATABASE_URL
      ? { url: config.DATABASE_URL }
      : { dataDir: join(config.DATA_DIR, 'pglite') },
  );
  try {
    await retrain(database, config, (message) => console.log(message));
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
