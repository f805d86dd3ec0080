// Runs in Node, as a child process of train-bench.ts: trains the shared model once on a
// synthetic set shaped like ml-25m, and prints one JSON line (time, operations, peak memory).
// Kernels "js": the row solves in plain JavaScript in this thread (runTraining over ordinary
// arrays, as trainImplicit and trainStars run); "simd": the WebAssembly SIMD kernels on a pool
// of `threads` threads, as the server trains.
import {
  buildInteractions,
  createIdIndex,
  IMPLICIT_DEFAULTS,
  jobFlops,
  plainArrays,
  runTraining,
  sharedModelTraining,
  STAR_DEFAULTS,
  type Training,
} from '@filmfold/model';
import { startTrainPool } from '@filmfold/model/threads';
import { movieLensShape, syntheticRatings } from '../src/synthetic';

export interface CaseResult {
  ratings: number;
  users: number;
  films: number;
  threads: number;
  kernels: 'js' | 'simd';
  trainMs: number;
  /** Of trainMs, the time this thread spent between jobs (held-out split, eigenvectors, blend). */
  betweenJobsMs: number;
  flops: number;
  peakRssMiB: number;
  /** Resident set when the process had started, before the ratings were generated. */
  startMiB: number;
  /** Resident set after the table and its index were built, before training. */
  beforeTrainingMiB: number;
}

const startMiB = process.memoryUsage().rss / 2 ** 20;
const ratings = Number(process.argv[2]);
const threads = Number(process.argv[3]);
const kernels = process.argv[4] === 'js' ? 'js' : 'simd';
const table = syntheticRatings(movieLensShape(ratings));
const pool = kernels === 'simd' ? startTrainPool({ threads }) : null;
const arrays = pool?.arena ?? plainArrays;
const train = buildInteractions(
  table,
  createIdIndex(table.userIds),
  createIdIndex(table.movieIds),
  arrays,
);
const params = { implicit: IMPLICIT_DEFAULTS, stars: STAR_DEFAULTS, content: null };
let flops = 0;
let betweenJobsMs = 0;
function* counted<T>(training: Training<T>): Training<T> {
  for (;;) {
    const resumed = performance.now();
    const step = training.next();
    betweenJobsMs += performance.now() - resumed;
    if (step.done) return step.value;
    flops += jobFlops(step.value);
    yield step.value;
  }
}
const beforeTrainingMiB = process.memoryUsage().rss / 2 ** 20;
const training = counted(
  sharedModelTraining(train, params, undefined, 'bench', performance.now.bind(performance), arrays),
);
const started = performance.now();
if (pool) {
  await pool.run(training);
  await pool.close();
} else runTraining(training);
const result: CaseResult = {
  ratings,
  users: train.numUsers,
  films: train.numItems,
  threads,
  kernels,
  trainMs: performance.now() - started,
  betweenJobsMs,
  flops,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  startMiB,
  beforeTrainingMiB,
};
console.log(JSON.stringify(result));
