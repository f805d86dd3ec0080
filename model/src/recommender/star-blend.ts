// Runs in browser, worker and Node.
// Predicted stars from two models: the star model's prediction and the implicit model's score,
// combined linearly with weights fitted on held-out ratings (stacking: Wolpert 1992).
import { type ArrayMaker, plainArrays } from '../data/array-maker';
import { buildInteractions, type Interactions } from '../data/interactions';
import { type RatingTable, RatingTableBuilder } from '../data/rating-table';
import { fnv1a32Pair } from '../eval/fnv1a';
import { choleskyInPlace, choleskySolveInPlace } from '../linalg/cholesky';
import { predictStars, type StarFactors, type StarParams, starTraining } from './biased-mf';
import { type ImplicitFactors, type ImplicitParams, implicitTraining } from './implicit-als';
import { runTraining, type Training } from './row-jobs';

/** r̂ = stars·clip(star model) + implicit·(implicit score) + offset. */
export interface StarBlend {
  stars: number;
  implicit: number;
  offset: number;
}

/** Share of the training ratings held out to fit the blend. */
export const HOLDOUT_BUCKETS = 10;

/** Iterations over all ratings after the blend is fitted, warm-started from the 90% models. */
export const FINAL_ITERATIONS = 2;

export interface BlendedModels {
  implicit: ImplicitFactors;
  stars: StarFactors;
  blend: StarBlend;
}

/**
 * Trains both models with a blend: first on 90% of the ratings, then fits the blend weights by
 * least squares on the other 10% (stacking), then takes a few more warm-started iterations over
 * every rating so that the held-out 10% are learned too. Cheaper than training twice.
 */
export function trainBlended(
  train: Interactions,
  implicit: ImplicitParams,
  stars: StarParams,
): BlendedModels {
  return runTraining(blendedTraining(train, implicit, stars, plainArrays));
}

/** trainBlended as jobs, its arrays made by `arrays`. */
export function* blendedTraining(
  train: Interactions,
  implicit: ImplicitParams,
  stars: StarParams,
  arrays: ArrayMaker,
): Training<BlendedModels> {
  const fitPart = new RatingTableBuilder(train.length);
  // Dense indexes of the held-out ratings, as a table's columns (no object per rating).
  const held = new RatingTableBuilder(Math.ceil(train.length / HOLDOUT_BUCKETS));
  for (let u = 0; u < train.numUsers; u++) {
    for (let e = train.byUser.ptr[u]!; e < train.byUser.ptr[u + 1]!; e++) {
      const i = train.byUser.cols[e]!;
      const rating = train.byUser.values[e]!;
      const userId = train.users.ids[u]!;
      const movieId = train.items.ids[i]!;
      if (fnv1a32Pair('blend:', userId, movieId) % HOLDOUT_BUCKETS === 0)
        held.push(u, i, rating, 0);
      else fitPart.push(userId, movieId, rating, 0);
    }
  }
  const part = buildInteractions(fitPart.build(), train.users, train.items, arrays);
  const imp = yield* implicitTraining(part, implicit, undefined, arrays);
  const st = yield* starTraining(part, stars, undefined, arrays);
  const blend = fitBlend(held.build(), imp, st);
  const finalImplicit = { ...implicit, iterations: FINAL_ITERATIONS };
  const finalStars = { ...stars, iterations: FINAL_ITERATIONS };
  return {
    implicit: yield* implicitTraining(train, finalImplicit, imp, arrays),
    stars: yield* starTraining(train, finalStars, st, arrays),
    blend,
  };
}

function fitBlend(held: RatingTable, imp: ImplicitFactors, st: StarFactors): StarBlend {
  const normal = new Float64Array(9);
  const rhs = new Float64Array(3);
  for (let row = 0; row < held.length; row++) {
    const u = held.userIds[row]!;
    const i = held.movieIds[row]!;
    const rating = held.ratings[row]!;
    const mf = clip(
      predictStars(st, st.userFactors.subarray(u * st.k, (u + 1) * st.k), st.userBias[u]!, i),
    );
    let score = 0;
    for (let c = 0; c < imp.k; c++)
      score += imp.userFactors[u * imp.k + c]! * imp.itemFactors[i * imp.k + c]!;
    const f = [mf, score, 1];
    for (let a = 0; a < 3; a++) {
      rhs[a] = rhs[a]! + f[a]! * rating;
      for (let b = 0; b < 3; b++) normal[a * 3 + b] = normal[a * 3 + b]! + f[a]! * f[b]!;
    }
  }
  // A whisper of ridge keeps the system solvable when the holdout is tiny.
  for (let a = 0; a < 3; a++) normal[a * 4] = normal[a * 4]! + 1e-6;
  if (held.length < 3 || !choleskyInPlace(normal, 3)) return { stars: 1, implicit: 0, offset: 0 };
  choleskySolveInPlace(normal, 3, rhs);
  return { stars: rhs[0]!, implicit: rhs[1]!, offset: rhs[2]! };
}

export function clip(stars: number): number {
  return Math.min(5, Math.max(0.5, stars));
}
