// Runs in Node, as a child process of train-bench.ts: trains the shared model once on a
// synthetic set shaped like ml-25m, and prints one JSON line (time, operations, peak memory).
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
import { sharedArrays, sharedInteractions, startTrainPool } from '@filmfold/model/threads';
import { movieLensShape, syntheticRatings } from '../src/synthetic';

export interface CaseResult {
  ratings: number;
  users: number;
  films: number;
  threads: number;
  trainMs: number;
  /** Of trainMs, the time this thread spent between jobs (held-out split, eigenvectors, blend). */
  betweenJobsMs: number;
  flops: number;
  peakRssMiB: number;
  /** Resident set after the table and its index were built, before training. */
  beforeTrainingMiB: number;
}

const [ratings, threads] = process.argv.slice(2).map(Number) as [number, number];
const table = syntheticRatings(movieLensShape(ratings));
const arrays = threads > 1 ? sharedArrays : plainArrays;
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
  sharedModelTraining(
    sharedInteractions(train),
    params,
    undefined,
    'bench',
    performance.now.bind(performance),
    arrays,
  ),
);
const started = performance.now();
if (threads > 1) {
  const pool = startTrainPool({ threads });
  await pool.run(training);
  await pool.close();
} else runTraining(training);
const result: CaseResult = {
  ratings,
  users: train.numUsers,
  films: train.numItems,
  threads,
  trainMs: performance.now() - started,
  betweenJobsMs,
  flops,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  beforeTrainingMiB,
};
console.log(JSON.stringify(result));
