// Runs in Node. Train on MovieLens plus the latest contributions, and publish: at first start, from
// the admin command (npm run retrain -w sync-server) and on the schedule, never from a public route.
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startNodeWorker } from '@filmfold/model/threads';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { retrainWorker } from '../paths';
import { publishArtifacts, trainAndPublish, trainingInput } from './publishing';
import type { RetrainJob, RetrainMessage } from './retrain-worker';
import { loadSeed, type SeedSource } from './seed';

const seedSource = (config: Config): Omit<SeedSource, 'onProgress'> => ({
  path: config.MOVIELENS,
  archive: config.MOVIELENS_ARCHIVE,
  cacheDir: join(config.DATA_DIR, 'cache'),
});

/** Trains and publishes in this process; used at first start and by the admin command. */
export async function retrain(
  database: Database,
  config: Config,
  say: (message: string) => void,
): Promise<void> {
  const seed = await loadSeed({ ...seedSource(config), onProgress: say });
  const manifest = await trainAndPublish(database, seed, {
    minRaters: config.MIN_RATERS,
    threads: config.TRAIN_THREADS,
    onProgress: say,
  });
  say(
    `Published model ${manifest.model.version} (${(manifest.model.bytes / 2 ** 20).toFixed(1)} MiB) and catalog ${manifest.catalog.version}.`,
  );
}

/** A retraining under way: `exited` resolves with 0 once the new versions are published. */
export interface RunningRetrain {
  exited: Promise<number>;
  stop(): void;
}

/**
 * Trains in a worker thread while the server keeps answering, then publishes from this thread:
 * the database (an embedded PGlite allows one process) is only ever used here.
 */
export function retrainInWorker(
  database: Database,
  config: Config,
  say: (message: string) => void,
): RunningRetrain {
  let worker: Worker | null = null;
  let stopped = false;
  const exited = (async () => {
    const job: RetrainJob = {
      source: seedSource(config),
      input: await trainingInput(database),
      options: { minRaters: config.MIN_RATERS, threads: config.TRAIN_THREADS },
    };
    if (stopped) return 1;
    const running = startNodeWorker(retrainWorker, { workerData: job });
    worker = running;
    let built: Extract<RetrainMessage, { kind: 'built' }> | null = null;
    running.on('message', (message: RetrainMessage) => {
      if (message.kind === 'progress') say(message.message);
      else built = message;
    });
    const code = await new Promise<number>((resolve) => {
      running.once('error', (err) => say(`Retraining stopped: ${err.message}`));
      running.once('exit', resolve);
    });
    if (code !== 0 || !built || stopped) return code || 1;
    const manifest = await publishArtifacts(database, built);
    say(`Published model ${manifest.model.version} and catalog ${manifest.catalog.version}.`);
    return 0;
  })().catch((err: unknown) => {
    say(`Retraining failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  });
  return {
    exited,
    stop() {
      stopped = true;
      void worker?.terminate();
    },
  };
}
