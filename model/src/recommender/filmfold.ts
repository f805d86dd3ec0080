// Runs in browser, worker and Node. Filmfold's models as the evaluation runs them: the shared model
// trained on the training split, published as a snapshot, decoded, and every user folded in again.
import type { Interactions } from '../data/interactions';
import { decodeSnapshot, encodeSnapshot } from '../snapshot/codec';
import { QUANTIZATIONS } from '../snapshot/quantize';
import type { Snapshot } from '../snapshot/snapshot';
import type { StarParams } from './biased-mf';
import type { ContentParams } from './content-map';
import {
  type DeviceModel,
  foldInStars,
  prepareDeviceModel,
  predictedStars,
  type StarUser,
} from './device-model';
import { diversify } from './diversify';
import { foldIn, scoreAllItems, userRatingsOf } from './fold-in';
import { type ImplicitParams, trainImplicit } from './implicit-als';
import type { FitContext, ModelSpec, Recommender } from './recommender';
import { trainSharedModel } from './shared-model';

/** Implicit ALS settings the grid starts from (chosen on ml-latest-small's validation split). */
export const IMPLICIT_DEFAULTS: ImplicitParams = {
  factors: 64,
  iterations: 10,
  regularization: 0.01,
  frequencyExponent: 1,
  unobservedWeight: 0.2,
  confidence: 0,
  negativeBelow: 3.5,
  cgSteps: 3,
  seed: 7,
};

export const STAR_DEFAULTS: StarParams = {
  factors: 32,
  iterations: 10,
  regularization: 0.15,
  biasRegularization: 0.2,
  cgSteps: 3,
  implicitBlend: 1,
  seed: 7,
};

export const CONTENT_DEFAULTS: ContentParams = {
  minFilms: 2,
  maxFeatures: 4000,
  ridge: 1,
  minRatings: 10,
};

/** Snapshot encodings by number, as model params are numbers: 0 float32, 1 float16, 2 int8. */
const quantizationOf = (code: number) => QUANTIZATIONS[code] ?? 'float16';

/** Trains the shared model on `train`, then round-trips it through the binary snapshot. */
function publishAndDecode(
  train: Interactions,
  params: Record<string, number>,
  withStars: boolean,
  context?: FitContext,
): Snapshot {
  const implicit = pick(params, IMPLICIT_DEFAULTS);
  const blend = params.contentBlend ?? 0;
  const snapshot = trainSharedModel(
    train,
    {
      implicit,
      stars: withStars ? pick(params, STAR_DEFAULTS, 'star') : null,
      content: blend > 0 ? { ...CONTENT_DEFAULTS, blend } : null,
    },
    blend > 0 ? context?.content : undefined,
    'evaluation training split',
  );
  return decodeSnapshot(encodeSnapshot(snapshot, quantizationOf(params.quantization ?? 1)));
}

const deviceModels = new WeakMap<Interactions, Map<string, DeviceModel>>();

/**
 * The device model for ranking, trained once per training data and shared-model parameters:
 * rows that differ only in what the device does with it (personal model, diversity) share it.
 */
export function rankingDeviceModel(
  train: Interactions,
  params: Record<string, number>,
  context?: FitContext,
): DeviceModel {
  const key = JSON.stringify([
    pick(params, IMPLICIT_DEFAULTS),
    params.quantization ?? 1,
    params.contentBlend ?? 0,
  ]);
  let byKey = deviceModels.get(train);
  if (!byKey) deviceModels.set(train, (byKey = new Map()));
  let model = byKey.get(key);
  if (!model)
    byKey.set(key, (model = prepareDeviceModel(publishAndDecode(train, params, false, context))));
  return model;
}

/** The keys of `defaults`, read from `params` (optionally under a prefix such as starFactors). */
function pick<T extends Record<string, number>>(
  params: Record<string, number>,
  defaults: T,
  prefix = '',
): T {
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const name = prefix ? `${prefix}${key[0]!.toUpperCase()}${key.slice(1)}` : key;
    if (params[name] !== undefined) (out as Record<string, number>)[key] = params[name]!;
  }
  return out;
}

/** iALS alone: user vectors straight from the trainer, float32, no content, no diversification. */
export const implicitAls: ModelSpec = {
  name: 'ials',
  tasks: ['rank'],
  grid: [3.5, 4].flatMap((negativeBelow) =>
    [0.2, 0.3].map((unobservedWeight) => ({
      ...IMPLICIT_DEFAULTS,
      negativeBelow,
      unobservedWeight,
    })),
  ),
  create(params): Recommender {
    let factors: ReturnType<typeof trainImplicit> | undefined;
    return {
      fit(train) {
        factors = trainImplicit(train, pick(params, IMPLICIT_DEFAULTS));
      },
      scoreAll(user, out) {
        const f = factors!;
        for (let i = 0; i < f.numItems; i++) {
          let sum = 0;
          for (let c = 0; c < f.k; c++)
            sum += f.userFactors[user * f.k + c]! * f.itemFactors[i * f.k + c]!;
          out[i] = sum;
        }
      },
    };
  },
};

/** The on-device pipeline: snapshot round-trip, fold-in of each user, scoring, optional MMR. */
function foldInRanker(name: string, inherits: string, grid: Record<string, number>[]): ModelSpec {
  return {
    name,
    tasks: ['rank'],
    inherits,
    grid,
    create(params): Recommender {
      let train: Interactions | undefined;
      let device: DeviceModel | undefined;
      return {
        fit(data, context) {
          train = data;
          device = rankingDeviceModel(data, params, context);
        },
        scoreAll(user, out) {
          const ratings = userRatingsOf(train!, user);
          const folded = foldIn(device!.space, ratings);
          scoreAllItems(device!.space, folded.vector, out);
          const diversity = params.diversity ?? 0;
          if (diversity > 0) {
            // Re-rank the top 20 by MMR; EVAL.md's candidates: trained films the user has not rated.
            const candidates = Uint8Array.from(train!.itemCounts, (n) => (n > 0 ? 1 : 0));
            for (const item of ratings.items) candidates[item] = 0;
            const picks = diversify(out, device!.space.factors, device!.space.k, {
              count: 20,
              diversity,
              candidates,
            });
            let top = -Infinity;
            for (let i = 0; i < out.length; i++) if (candidates[i] && out[i]! > top) top = out[i]!;
            picks.forEach((item, rank) => (out[item] = top + 1 + (picks.length - rank)));
          }
        },
      };
    },
  };
}

export const foldInFloat32 = foldInRanker('filmfold-foldin-float32', 'ials', [{ quantization: 0 }]);
export const foldInInt8 = foldInRanker('filmfold-foldin-int8', 'ials', [{ quantization: 2 }]);
export const foldInContent = foldInRanker('filmfold-foldin-content', 'ials', [
  { quantization: 1, contentBlend: 2 },
  { quantization: 1, contentBlend: 10 },
]);
/**
 * What a device runs: a float16 snapshot (int8 measured 0.5% lower NDCG@10 on ml-latest-small;
 * float16 lost nothing), content blend chosen on validation (including none).
 */
export const foldInRanking = foldInRanker('filmfold-foldin', 'filmfold-foldin-content', [
  {},
  { contentBlend: 0 },
]);
/** The same with MMR diversification at the app's default setting (a choice for people, not tuned). */
export const foldInDiverse = foldInRanker('filmfold-foldin-diverse', 'filmfold-foldin', [
  { diversity: 0.3 },
]);

/** Predicted stars as a device computes them: star factors from the snapshot, each user folded in. */
export const foldInStarsSpec: ModelSpec = {
  name: 'filmfold-foldin',
  tasks: ['predict'],
  grid: [0.1, 0.15].map((starRegularization) => ({ quantization: 1, starRegularization })),
  create(params): Recommender {
    let train: Interactions | undefined;
    let device: ReturnType<typeof prepareDeviceModel> | undefined;
    let cachedUser = -1;
    let cached: StarUser | undefined;
    return {
      fit(data) {
        train = data;
        device = prepareDeviceModel(publishAndDecode(data, params, true));
        cachedUser = -1;
      },
      predict(user, item) {
        if (user !== cachedUser) {
          cached = foldInStars(device!, userRatingsOf(train!, user));
          cachedUser = user;
        }
        return predictedStars(device!, cached!, item);
      },
    };
  },
};

/** Every Filmfold row of the evaluation, in the order they must run (inheritance). */
export const FILMFOLD_MODELS: readonly ModelSpec[] = [
  implicitAls,
  foldInFloat32,
  foldInInt8,
  foldInContent,
  foldInRanking,
  foldInDiverse,
  foldInStarsSpec,
];
