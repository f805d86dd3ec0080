// Runs in browser, worker and Node. What a device does with the shared item factors and its own ratings.
import type { Interactions } from '../data/interactions';
import { choleskySolveInPlace, gramian } from '../linalg/cholesky';
import { type ImplicitParams, pullOf, rowScratch, solveImplicitRow } from './implicit-als';

/** The shared item side, prepared once per snapshot: factors and their Gramian YᵀY. */
export interface ItemSpace {
  readonly k: number;
  readonly numItems: number;
  /** Row-major numItems x k. */
  readonly factors: Float32Array;
  readonly gram: Float64Array;
  readonly params: ImplicitParams;
}

export function prepareItemSpace(
  factors: Float32Array,
  k: number,
  params: ImplicitParams,
  gram?: Float64Array,
): ItemSpace {
  const numItems = factors.length / k;
  if (gram && gram.length !== k * k)
    throw new RangeError(`prepareItemSpace: a Gramian of ${k} x ${k} was expected.`);
  return { k, numItems, factors, gram: gram ?? gramian(factors, numItems, k), params };
}

/** One user's ratings in the item space's dense indices, columns as typed arrays. */
export interface UserRatings {
  items: Int32Array;
  ratings: Float32Array;
}

/** A training user's ratings, as a device would hold its own (views, no copy). */
export function userRatingsOf(train: Interactions, user: number): UserRatings {
  const start = train.byUser.ptr[user]!;
  const end = train.byUser.ptr[user + 1]!;
  return {
    items: train.byUser.cols.subarray(start, end),
    ratings: train.byUser.values.subarray(start, end),
  };
}

/** A folded-in user: the vector, and the factorised system that explains its scores. */
export interface FoldedUser {
  readonly vector: Float32Array;
  /** Cholesky factor L of the user's system matrix A (k x k, lower triangle). */
  readonly factor: Float64Array;
  readonly ratings: UserRatings;
}

/**
 * The user's vector in closed form from their own ratings: exactly the user step of implicit ALS
 * (solveImplicitRow), so a device reproduces what the trainer would have computed.
 */
export function foldIn(space: ItemSpace, ratings: UserRatings): FoldedUser {
  if (ratings.items.length !== ratings.ratings.length) {
    throw new RangeError('foldIn: items and ratings differ in length.');
  }
  for (let e = 0; e < ratings.items.length; e++) {
    const item = ratings.items[e]!;
    const rating = ratings.ratings[e]!;
    if (!(item >= 0 && item < space.numItems && Number.isInteger(item))) {
      throw new RangeError(
        `foldIn: item index ${item} is not in the item space (0-${space.numItems - 1}).`,
      );
    }
    if (!(rating >= 0.5 && rating <= 5))
      throw new RangeError(`foldIn: rating ${rating} is not 0.5-5 stars.`);
  }
  const scratch = rowScratch(space.k);
  const vector = new Float32Array(space.k);
  solveImplicitRow(
    space.gram,
    space.factors,
    space.numItems,
    space.k,
    ratings.items,
    ratings.ratings,
    0,
    ratings.items.length,
    space.params,
    scratch,
    vector,
    0,
  );
  return { vector, factor: scratch.a, ratings };
}

/** Score of every item for a user vector: s_i = y_iᵀ x. */
export function scoreAllItems(
  space: ItemSpace,
  vector: Float32Array,
  out: Float32Array,
): Float32Array {
  const { k, factors } = space;
  for (let i = 0; i < space.numItems; i++) {
    const base = i * k;
    let sum = 0;
    for (let c = 0; c < k; c++) sum += factors[base + c]! * vector[c]!;
    out[i] = sum;
  }
  return out;
}

/** A rated film's share of a recommendation's score. */
export interface ScorePart {
  /** Dense index of the rated item. */
  item: number;
  contribution: number;
}

/**
 * Splits item i's score into one part per rated item, exactly: s_i = Σ_j c_j p_j · y_iᵀ A⁻¹ y_j
 * (Hu, Koren, Volinsky 2008, section 5). Sorted by contribution, largest first.
 */
export function explainScore(space: ItemSpace, user: FoldedUser, item: number): ScorePart[] {
  const { k, factors, params } = space;
  const z = new Float64Array(k);
  for (let c = 0; c < k; c++) z[c] = factors[item * k + c]!;
  choleskySolveInPlace(user.factor, k, z);
  const { items, ratings } = user.ratings;
  const parts: ScorePart[] = [];
  for (let e = 0; e < items.length; e++) {
    const rating = ratings[e]!;
    const pull = pullOf(rating, params);
    const base = items[e]! * k;
    let similarity = 0;
    for (let c = 0; c < k; c++) similarity += z[c]! * factors[base + c]!;
    parts.push({ item: items[e]!, contribution: pull * similarity });
  }
  return parts.sort((a, b) => b.contribution - a.contribution || a.item - b.item);
}
