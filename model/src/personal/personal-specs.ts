// Runs in browser, worker and Node. The personal model as the evaluation runs it: the device model
// of filmfold-foldin, then per person the features, the weights (prior, or trained with tfjs on the
// person's own latest ratings) and the scores. Each row adds one piece, so each shows its worth.
import type { Interactions } from '../data/interactions';
import { RELEVANT_FROM } from '../eval/ranking-task';
import type { DeviceModel } from '../recommender/device-model';
import { rankingDeviceModel } from '../recommender/filmfold';
import { foldIn } from '../recommender/fold-in';
import type { ModelSpec, Recommender } from '../recommender/recommender';
import {
  FEATURE_DEFAULTS,
  type FeatureParams,
  type History,
  type ItemFacts,
  itemFacts,
  NUM_FEATURES,
  personalFeatures,
  scoreWithWeights,
} from './features';
import { trainPersonalWeights } from './personal-model';
import { TRAINING_DEFAULTS } from './training-params';

/** Ratings at or below this are films the person did not like: negatives for their model. */
const DISLIKED_AT_MOST = 2.5;

/** The prior weights from the row's parameters (fold-in always 1: the scale is fixed by it). */
export function priorWeights(params: Record<string, number>): Float32Array {
  return Float32Array.from([
    1,
    params.recent ?? 0,
    params.era ?? 0,
    params.popularity ?? 0,
    params.genre ?? 0,
  ]);
}

function featureParams(params: Record<string, number>): FeatureParams {
  return {
    recentCount: params.recentCount ?? FEATURE_DEFAULTS.recentCount,
    eraScale: params.eraScale ?? FEATURE_DEFAULTS.eraScale,
  };
}

/** A training user's history with times, in time order. */
function historyOf(train: Interactions, user: number): History {
  const start = train.byUser.ptr[user]!;
  const end = train.byUser.ptr[user + 1]!;
  const times = train.byUser.times;
  if (!times)
    throw new TypeError('The personal model needs rating times (Interactions.byUser.times).');
  const order = Array.from({ length: end - start }, (_, e) => start + e).sort(
    (a, b) => times[a]! - times[b]! || train.byUser.cols[a]! - train.byUser.cols[b]!,
  );
  return {
    items: Int32Array.from(order, (k) => train.byUser.cols[k]!),
    ratings: Float32Array.from(order, (k) => train.byUser.values[k]!),
    times: Uint32Array.from(order, (k) => times[k]!),
  };
}

const slice = (h: History, from: number, to: number): History => ({
  items: h.items.subarray(from, to),
  ratings: h.ratings.subarray(from, to),
  times: h.times.subarray(from, to),
});

/**
 * The person's weights: the prior, or trained to rank their latest ratings (the last fifth, as
 * EVAL.md holds out) from features built on the ratings before them.
 */
function personWeights(
  device: DeviceModel,
  train: Interactions,
  history: History,
  facts: ItemFacts,
  params: Record<string, number>,
): Float32Array {
  const prior = priorWeights(params);
  const steps = params.steps ?? 0;
  if (steps <= 0 || history.items.length < 5) return prior;
  const cut = history.items.length - Math.max(1, Math.floor(history.items.length / 5));
  const earlier = slice(history, 0, cut);
  const folded = foldIn(device.space, earlier);
  const features = personalFeatures(device.space, folded, earlier, facts, featureParams(params));
  const positives: number[] = [];
  const disliked: number[] = [];
  for (let e = cut; e < history.items.length; e++) {
    if (history.ratings[e]! >= RELEVANT_FROM) positives.push(history.items[e]!);
    else if (params.dislikedAsNegatives && history.ratings[e]! <= DISLIKED_AT_MOST)
      disliked.push(history.items[e]!);
  }
  const negatives = Uint8Array.from(train.itemCounts, (n) => (n > 0 ? 1 : 0));
  for (const item of history.items) negatives[item] = 0;
  const training = {
    ...TRAINING_DEFAULTS,
    steps,
    pull: params.pull ?? TRAINING_DEFAULTS.pull,
    seed: TRAINING_DEFAULTS.seed + history.items[0]!,
  };
  return trainPersonalWeights(features, positives, negatives, prior, training, disliked);
}

function personalRanker(name: string, inherits: string, grid: Record<string, number>[]): ModelSpec {
  return {
    name,
    tasks: ['rank'],
    inherits,
    grid,
    create(params): Recommender {
      let train: Interactions | undefined;
      let device: DeviceModel | undefined;
      let facts: ItemFacts | undefined;
      let features: Float32Array | undefined;
      return {
        fit(data, context) {
          train = data;
          device = rankingDeviceModel(data, params, context);
          const documents =
            context?.content ?? Array.from({ length: data.numItems }, () => ({ genres: [] }));
          facts = itemFacts(documents, data.itemCounts);
          features = new Float32Array(data.numItems * NUM_FEATURES);
        },
        scoreAll(user, out) {
          const history = historyOf(train!, user);
          const weights = personWeights(device!, train!, history, facts!, params);
          const folded = foldIn(device!.space, history);
          personalFeatures(device!.space, folded, history, facts!, featureParams(params), features);
          scoreWithWeights(features!, weights, out);
        },
      };
    },
  };
}

/** + recency: similarity to the latest ratings, and their era. */
export const personalRecency = personalRanker(
  'filmfold-personal-recency',
  'filmfold-foldin',
  [{ recent: 0, era: 0 }].concat(
    [5, 10].flatMap((recentCount) =>
      [0.4, 0.8].flatMap((recent) => [0.4, 0.8].map((era) => ({ recentCount, recent, era }))),
    ),
  ),
);
/** + content: the person's genre taste, and how much they follow popularity. */
export const personalContent = personalRanker(
  'filmfold-personal-content',
  'filmfold-personal-recency',
  [0, 0.3].flatMap((genre) => [0, 0.2, -0.2].map((popularity) => ({ genre, popularity }))),
);
/** What the device runs: + weights trained with tfjs on the person's own latest ratings. */
export const personalTrained = personalRanker(
  'filmfold-personal',
  'filmfold-personal-content',
  [{ steps: 0 }].concat(
    [0, 1].flatMap((dislikedAsNegatives) => [
      { steps: 40, pull: 1, dislikedAsNegatives },
      { steps: 40, pull: 0.3, dislikedAsNegatives },
      { steps: 80, pull: 0.1, dislikedAsNegatives },
    ]),
  ),
);

export const PERSONAL_MODELS: readonly ModelSpec[] = [
  personalRecency,
  personalContent,
  personalTrained,
];
