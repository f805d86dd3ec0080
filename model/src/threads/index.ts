// @filmfold/model/threads: runs in Node. The shared trainer on every core.
import { nowMs } from '../clock';
import type { ContentDocument } from '../recommender/content-map';
import type { Interactions } from '../data/interactions';
import {
  type SharedModelParams,
  sharedModelTraining,
  sharedModelWork,
  snapshotOutOf,
} from '../recommender/shared-model';
import { trainingProgress } from '../recommender/training-progress';
import type { Snapshot } from '../snapshot/snapshot';
import { adoptInteractions } from '../linalg/wasm-arena';
import type { TrainPool } from './train-pool';

export * from './node-worker';
export * from './train-pool';

/** trainSharedModel on a pool of threads: the same snapshot, sooner. */
export function trainSharedModelOnPool(
  pool: TrainPool,
  train: Interactions,
  params: SharedModelParams,
  content: readonly ContentDocument[] | undefined,
  source: string,
  { now = nowMs, onProgress }: { now?: () => number; onProgress?: (message: string) => void } = {},
): Promise<Snapshot> {
  const training = sharedModelTraining(
    adoptInteractions(pool.arena, train),
    params,
    content,
    source,
    now,
    pool.arena,
  );
  const onWork = onProgress && trainingProgress(sharedModelWork(train.length, params), onProgress);
  return pool.run(training, onWork).then(snapshotOutOf);
}
