// Runs in Node: part of `npm run bench`. Training, fold-in and scoring times of the shared model,
// and snapshot sizes, on this machine.
import {
  buildPersonModel,
  itemFacts,
  TRAINING_DEFAULTS,
  trainPersonalWeights,
} from '@filmfold/model/personal';
import { fileURLToPath } from 'node:url';
import {
  buildInteractions,
  createIdIndex,
  encodeSnapshot,
  fillNormal,
  foldIn,
  IMPLICIT_DEFAULTS,
  median,
  mulberry32,
  prepareDeviceModel,
  prepareItemSpace,
  QUANTIZATIONS,
  type RatingTable,
  scoreAllItems,
  type Snapshot,
  STAR_DEFAULTS,
  topK,
  trainSharedModel,
} from '@filmfold/model';
import { openDatasetFiles } from '../src/movielens/dataset-files';
import { readRatings } from '../src/movielens/load';

const small = fileURLToPath(new URL('../../../shared/datasets/ml-latest-small', import.meta.url));
const params = { implicit: IMPLICIT_DEFAULTS, stars: STAR_DEFAULTS, content: null };
const MiB = 2 ** 20;

function time<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

async function ratingsAt(path: string): Promise<RatingTable> {
  const files = await openDatasetFiles(path);
  try {
    return await readRatings(files);
  } finally {
    await files.close();
  }
}

function train(table: RatingTable): Snapshot {
  const interactions = buildInteractions(
    table,
    createIdIndex(table.userIds),
    createIdIndex(table.movieIds),
  );
  return trainSharedModel(interactions, params, undefined, 'bench');
}

function randomSnapshot(films: number, like: Snapshot): Snapshot {
  const random = mulberry32(9);
  const k = like.implicit.params.factors;
  const ks = like.stars!.params.factors;
  return {
    ...like,
    movieIds: Int32Array.from({ length: films }, (_, i) => i + 1),
    itemCounts: new Uint32Array(films),
    implicit: { ...like.implicit, factors: fillNormal(new Float32Array(films * k), random, 0.1) },
    stars: {
      ...like.stars!,
      itemBias: new Float32Array(films),
      factors: fillNormal(new Float32Array(films * ks), random, 0.1),
    },
  };
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const log = (line = '') => lines.push(line);
  log(
    `Shared model: iALS k=${IMPLICIT_DEFAULTS.factors}, ${IMPLICIT_DEFAULTS.iterations} iterations (CG ${IMPLICIT_DEFAULTS.cgSteps} steps); stars k=${STAR_DEFAULTS.factors}, ${STAR_DEFAULTS.iterations} iterations. Content map not included.`,
  );
  log();
  log('| what | runs | median | notes |');
  log('| --- | ---: | ---: | --- |');

  const table = await ratingsAt(small);
  process.stderr.write('Training on ml-latest-small (3 runs) …\n');
  const fits = Array.from({ length: 3 }, () => time(() => train(table)));
  const snapshot = fits[0]!.value;
  log(
    `| train on ml-latest-small (${table.length} ratings) | 3 | ${(median(fits.map((f) => f.ms)) / 1000).toFixed(2)} s | iALS + stars + blend, one thread, SIMD kernels |`,
  );

  const space = prepareItemSpace(
    snapshot.implicit.factors,
    snapshot.implicit.params.factors,
    snapshot.implicit.params,
  );
  const random = mulberry32(5);
  const picked = new Set<number>();
  while (picked.size < 500) picked.add(Math.floor(random() * space.numItems));
  const ratings = {
    items: Int32Array.from(picked),
    ratings: Float32Array.from(picked, () => 0.5 + Math.floor(random() * 10) / 2),
  };
  const foldTimes = Array.from({ length: 50 }, () => time(() => foldIn(space, ratings)).ms);
  log(
    `| fold-in of a 500-rating user | 50 | ${median(foldTimes).toFixed(2)} ms | closed form, k=${space.k} |`,
  );

  const big = randomSnapshot(62_000, snapshot);
  const bigSpace = prepareItemSpace(
    big.implicit.factors,
    big.implicit.params.factors,
    big.implicit.params,
  );
  const user = foldIn(bigSpace, ratings).vector;
  const scores = new Float32Array(bigSpace.numItems);
  const scoreTimes = Array.from(
    { length: 50 },
    () => time(() => topK(scoreAllItems(bigSpace, user, scores), 10)).ms,
  );
  log(`| score 62,000 films + top 10 | 50 | ${median(scoreTimes).toFixed(2)} ms | one user |`);

  // The personal model on the device, at 62,000 films: features and the prior, then with feedback
  // (tfjs training, CPU backend), for a person with 500 ratings.
  const bigModel = prepareDeviceModel(big);
  const genres = ['Drama', 'Comedy', 'Action', 'Thriller', 'Romance'];
  const facts = itemFacts(
    Array.from(big.movieIds, (_, i) => ({ year: 1950 + (i % 70), genres: [genres[i % 5]!] })),
    Float32Array.from(big.itemCounts),
  );
  const person = {
    ratings: Array.from(ratings.items, (item, e) => ({
      movieId: big.movieIds[item]!,
      rating: ratings.ratings[e]!,
      ratedAt: new Date(Date.UTC(2024, 0, 1) + e * 60_000).toISOString(),
    })),
    feedback: [] as { movieId: number; kind: 'helpful' | 'not-for-me' }[],
  };
  const priorTimes = Array.from(
    { length: 10 },
    () => time(() => buildPersonModel(bigModel, facts, person)).ms,
  );
  log(
    `| personal model, prior weights (62,000 films, 500 ratings) | 10 | ${median(priorTimes).toFixed(1)} ms | fold-in + 5 features + scores |`,
  );
  const withFeedback = {
    ...person,
    feedback: [
      { movieId: big.movieIds[10]!, kind: 'helpful' as const },
      { movieId: big.movieIds[20]!, kind: 'not-for-me' as const },
    ],
  };
  const trainedTimes = Array.from(
    { length: 10 },
    () => time(() => buildPersonModel(bigModel, facts, withFeedback, trainPersonalWeights)).ms,
  );
  log(
    `| personal model, trained on feedback (same) | 10 | ${median(trainedTimes).toFixed(1)} ms | + tfjs, ${TRAINING_DEFAULTS.steps} Adam steps, CPU backend |`,
  );

  for (const [label, s] of [
    [`ml-latest-small (${snapshot.movieIds.length} films)`, snapshot],
    ['62,000 films', big],
  ] as const) {
    const sizes = QUANTIZATIONS.map(
      (q) => `${q} ${(encodeSnapshot(s, q).length / MiB).toFixed(2)} MiB`,
    );
    log(`| snapshot size, ${label} | 1 | | ${sizes.join(', ')} |`);
  }

  console.log(lines.join('\n'));
}

await main();
