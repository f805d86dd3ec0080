// Runs in browser, worker and Node. What the personal model sees of each film, for one person:
// the fold-in score and signals the shared model cannot see (recency, era, genre taste).
// A dislike feature (similarity to films rated 2.5 or less) was measured and removed: validation
// gave it weight 0 (docs/evaluation.md).
import type { ContentDocument } from '../recommender/content-map';
import type { FoldedUser, ItemSpace } from '../recommender/fold-in';

/** Feature columns, in order. */
export const FEATURES = ['foldin', 'recent', 'era', 'popularity', 'genre'] as const;
export type Feature = (typeof FEATURES)[number];
export const NUM_FEATURES = FEATURES.length;

/** Facts about the films, indexed like the item space. */
export interface ItemFacts {
  /** Release year, NaN where unknown. */
  years: Float32Array;
  /** Genre ids of each film. */
  genres: Int32Array[];
  numGenres: number;
  /** log(1 + number of ratings) in the shared model's data. */
  logPopularity: Float32Array;
}

/** Builds the facts from content documents and rating counts. */
export function itemFacts(
  documents: readonly Pick<ContentDocument, 'year' | 'genres'>[],
  ratingCounts: Float32Array,
): ItemFacts {
  const genreIds = new Map<string, number>();
  const genres = documents.map((doc) =>
    Int32Array.from(doc.genres, (genre) => {
      if (!genreIds.has(genre)) genreIds.set(genre, genreIds.size);
      return genreIds.get(genre)!;
    }),
  );
  return {
    years: Float32Array.from(documents, (doc) => doc.year ?? NaN),
    genres,
    numGenres: genreIds.size,
    logPopularity: Float32Array.from(ratingCounts, (n) => Math.log1p(n)),
  };
}

/** One person's rating history in item-space indices, with times (seconds). */
export interface History {
  items: Int32Array;
  ratings: Float32Array;
  times: Uint32Array;
}

export interface FeatureParams {
  /** How many of the latest ratings describe "lately". */
  recentCount: number;
  /** Years over which the era match falls to 1/e: exp(-|Δyear| / eraScale). */
  eraScale: number;
}

export const FEATURE_DEFAULTS: FeatureParams = { recentCount: 5, eraScale: 10 };

/** Standardises a column in place over all films (mean 0, deviation 1; constant: all 0). */
function standardise(features: Float32Array, column: number, numItems: number): void {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < numItems; i++) {
    const v = features[i * NUM_FEATURES + column]!;
    sum += v;
    squares += v * v;
  }
  const mean = sum / numItems;
  const sd = Math.sqrt(Math.max(0, squares / numItems - mean * mean));
  for (let i = 0; i < numItems; i++) {
    const at = i * NUM_FEATURES + column;
    features[at] = sd > 1e-9 ? (features[at]! - mean) / sd : 0;
  }
}

/** Mean item vector of `items` (nothing when empty). */
function meanVector(space: ItemSpace, items: readonly number[]): Float32Array | null {
  if (items.length === 0) return null;
  const mean = new Float32Array(space.k);
  for (const item of items)
    for (let c = 0; c < space.k; c++)
      mean[c] = mean[c]! + space.factors[item * space.k + c]! / items.length;
  return mean;
}

function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : NaN;
}

/**
 * Row-major numItems x NUM_FEATURES: for every film, what the personal model weighs. Scores and
 * similarities are standardised per person, so weights mean the same for everyone.
 */
export function personalFeatures(
  space: ItemSpace,
  folded: FoldedUser,
  history: History,
  facts: ItemFacts,
  params: FeatureParams,
  out: Float32Array = new Float32Array(space.numItems * NUM_FEATURES),
): Float32Array {
  const { k, numItems, factors } = space;
  const byTime = Array.from(history.items.keys()).sort(
    (a, b) => history.times[b]! - history.times[a]! || history.items[b]! - history.items[a]!,
  );
  const recent = byTime.slice(0, params.recentCount).map((e) => history.items[e]!);
  const recentMean = meanVector(space, recent);
  const era = median(recent.map((item) => facts.years[item]!));

  // Genre taste: how far above the person's mean they rate each genre, shrunk toward 0.
  let ratingSum = 0;
  for (let e = 0; e < history.ratings.length; e++) ratingSum += history.ratings[e]!;
  const personMean = history.ratings.length ? ratingSum / history.ratings.length : 0;
  const genreSum = new Float64Array(facts.numGenres);
  const genreCount = new Float64Array(facts.numGenres);
  for (let e = 0; e < history.items.length; e++) {
    for (const g of facts.genres[history.items[e]!] ?? []) {
      genreSum[g] = genreSum[g]! + history.ratings[e]! - personMean;
      genreCount[g] = genreCount[g]! + 1;
    }
  }
  const taste = Float64Array.from(genreSum, (sum, g) => sum / (genreCount[g]! + 5));

  for (let i = 0; i < numItems; i++) {
    const row = i * NUM_FEATURES;
    let score = 0;
    let lately = 0;
    for (let c = 0; c < k; c++) {
      const f = factors[i * k + c]!;
      score += f * folded.vector[c]!;
      if (recentMean) lately += f * recentMean[c]!;
    }
    const year = facts.years[i]!;
    const genres = facts.genres[i] ?? new Int32Array(0);
    let genre = 0;
    for (const g of genres) genre += taste[g]!;
    out[row] = score;
    out[row + 1] = lately;
    out[row + 2] =
      Number.isNaN(year) || Number.isNaN(era)
        ? 0
        : Math.exp(-Math.abs(year - era) / params.eraScale);
    out[row + 3] = facts.logPopularity[i]!;
    out[row + 4] = genres.length ? genre / genres.length : 0;
  }
  for (const column of [0, 1, 3, 4]) standardise(out, column, numItems);
  return out;
}

/** out[i] = weights · features[i]. */
export function scoreWithWeights(
  features: Float32Array,
  weights: ArrayLike<number>,
  out: Float32Array,
): void {
  const n = out.length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let f = 0; f < NUM_FEATURES; f++) sum += weights[f]! * features[i * NUM_FEATURES + f]!;
    out[i] = sum;
  }
}
