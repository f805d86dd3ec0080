// Runs in browser, worker and Node: what a device does with a decoded snapshot and its own ratings.
import type { Snapshot } from '../snapshot/snapshot';
import { solveStarRow, type StarParams, starScratch } from './biased-mf';
import { diversify } from './diversify';
import {
  type FoldedUser,
  foldIn,
  type ItemSpace,
  prepareItemSpace,
  scoreAllItems,
  type UserRatings,
} from './fold-in';
import { clip } from './star-blend';
import { topK } from './top-k';

/** A snapshot made ready for scoring: the item space and the star model, indexed by movieId. */
export interface DeviceModel {
  readonly snapshot: Snapshot;
  readonly space: ItemSpace;
  indexOf(movieId: number): number;
}

/**
 * `gramian`: the item factors' Gramian as an earlier call computed it (`space.gram`), kept by a
 * device with the snapshot so that it is not summed again over every film at each start.
 */
export function prepareDeviceModel(snapshot: Snapshot, gramian?: Float64Array): DeviceModel {
  const positions = new Map<number, number>();
  snapshot.movieIds.forEach((id, i) => positions.set(id, i));
  return {
    snapshot,
    space: prepareItemSpace(
      snapshot.implicit.factors,
      snapshot.implicit.params.factors,
      snapshot.implicit.params,
      gramian,
    ),
    indexOf: (movieId) => positions.get(movieId) ?? -1,
  };
}

/** A user's star model, folded in: factor vector and bias, and the implicit vector the blend reads. */
export interface StarUser {
  vector: Float32Array;
  bias: number;
  /** The implicit fold-in, when the snapshot blends the implicit score into predicted stars. */
  implicit: Float32Array | null;
}

/**
 * The user's star vector and bias in closed form from their ratings: the user step of the star
 * model's ALS (solveStarRow) on the snapshot's item side; plus the implicit fold-in if blended.
 */
export function foldInStars(model: DeviceModel, ratings: UserRatings): StarUser {
  const stars = model.snapshot.stars;
  if (!stars) throw new RangeError('This snapshot has no star model.');
  const k = stars.params.factors;
  const vector = new Float32Array(k);
  const implicit = stars.blend ? foldIn(model.space, ratings).vector : null;
  if (ratings.items.length === 0) return { vector, bias: 0, implicit };
  const params: StarParams = stars.params;
  const bias = solveStarRow(
    stars.factors,
    stars.itemBias,
    stars.globalMean,
    k,
    ratings.items,
    ratings.ratings,
    0,
    ratings.items.length,
    params,
    starScratch(k),
    vector,
    0,
  );
  return { vector, bias, implicit };
}

/** Predicted stars of one film for a folded-in user, clipped to 0.5-5. */
export function predictedStars(model: DeviceModel, user: StarUser, item: number): number {
  const stars = model.snapshot.stars!;
  const k = stars.params.factors;
  let dot = 0;
  for (let c = 0; c < k; c++) dot += user.vector[c]! * stars.factors[item * k + c]!;
  const fromStars = clip(stars.globalMean + user.bias + stars.itemBias[item]! + dot);
  if (!stars.blend || !user.implicit) return fromStars;
  const { k: ki, factors } = model.space;
  let score = 0;
  for (let c = 0; c < ki; c++) score += user.implicit[c]! * factors[item * ki + c]!;
  return clip(stars.blend.stars * fromStars + stars.blend.implicit * score + stars.blend.offset);
}

/** Each item's factor norm, computed once per model. */
const norms = new WeakMap<DeviceModel, Float32Array>();

function factorNorms(model: DeviceModel): Float32Array {
  let out = norms.get(model);
  if (!out) {
    const { k, factors, numItems } = model.space;
    out = new Float32Array(numItems);
    for (let i = 0; i < numItems; i++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += factors[i * k + c]! ** 2;
      out[i] = Math.sqrt(sum) || 1;
    }
    norms.set(model, out);
  }
  return out;
}

/**
 * Cosine similarity of item `a`'s factors with each other item's (how alike the same people found
 * them), as a function of the other item: `a`'s row and every norm are read once.
 */
export function factorCosineTo(model: DeviceModel, a: number): (b: number) => number {
  const { k, factors } = model.space;
  const norm = factorNorms(model);
  const row = factors.subarray(a * k, a * k + k);
  const self = norm[a]!;
  return (b) => {
    let dot = 0;
    const offset = b * k;
    for (let c = 0; c < k; c++) dot += row[c]! * factors[offset + c]!;
    return dot / (self * norm[b]!);
  };
}

export interface RecommendOptions {
  count: number;
  /** 1 for items that pass the person's filters; absent means every item. */
  allowed?: Uint8Array;
  /** Items never to show: rated, hidden, already seen. */
  excluded?: Iterable<number>;
  /** 0 ranks by score alone; up to 1 trades score for variety (MMR). */
  diversity?: number;
}

/** The top films for a folded-in user, with exclusions, filters and diversification applied. */
export function recommend(
  model: DeviceModel,
  user: FoldedUser,
  options: RecommendOptions,
): Int32Array {
  const scores = scoreAllItems(model.space, user.vector, new Float32Array(model.space.numItems));
  const candidates = options.allowed
    ? Uint8Array.from(options.allowed)
    : new Uint8Array(model.space.numItems).fill(1);
  for (let e = 0; e < user.ratings.items.length; e++) candidates[user.ratings.items[e]!] = 0;
  for (const item of options.excluded ?? [])
    if (item >= 0 && item < candidates.length) candidates[item] = 0;
  const diversity = options.diversity ?? 0;
  return diversity > 0
    ? diversify(scores, model.space.factors, model.space.k, {
        count: options.count,
        diversity,
        candidates,
      })
    : topK(scores, options.count, candidates);
}

export { foldIn };
