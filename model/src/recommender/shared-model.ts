// Runs in browser, worker and Node (the server runs it; the evaluation runs it the same way).
import type { Interactions } from '../data/interactions';
import { nowMs } from '../clock';
import type { Snapshot } from '../snapshot/snapshot';
import { type StarParams, trainStars } from './biased-mf';
import {
  type ContentDocument,
  type ContentParams,
  embedContent,
  featuresOf,
  fitContentMap,
  type ContentModel,
} from './content-map';
import { type ImplicitParams, trainImplicit } from './implicit-als';
import { trainBlended } from './star-blend';

export interface SharedModelParams {
  implicit: ImplicitParams;
  /** null trains no star model (a ranking-only snapshot). */
  stars: StarParams | null;
  /** null learns no content map. */
  content: (ContentParams & { blend: number }) | null;
}

/**
 * Shrinks the factors of thinly rated films toward their content prediction:
 * y_i ← (n_i·y_i + κ·ŷ_i) / (n_i + κ), so that a film with no ratings gets ŷ_i = f_iᵀW.
 */
export function blendWithContent(
  factors: Float32Array,
  counts: ArrayLike<number>,
  docs: readonly ContentDocument[],
  model: ContentModel,
  blend: number,
): Float32Array {
  const k = model.k;
  const index = new Map(model.vocabulary.map((term, i) => [term, i]));
  const predicted = new Float32Array(k);
  const out = Float32Array.from(factors);
  docs.forEach((doc, item) => {
    const n = counts[item]!;
    embedContent(featuresOf(doc, model.vocabulary, model.idf, index), model, predicted);
    for (let c = 0; c < k; c++)
      out[item * k + c] = (n * factors[item * k + c]! + blend * predicted[c]!) / (n + blend);
  });
  return out;
}

/**
 * Trains everything a device needs from pooled ratings: implicit item factors for ranking, the
 * star model's item factors and biases, and the content map. `content` is indexed like the items.
 */
export function trainSharedModel(
  train: Interactions,
  params: SharedModelParams,
  content: readonly ContentDocument[] | undefined,
  source: string,
  now: () => number = nowMs,
): Snapshot {
  const started = now();
  const blended = params.stars?.implicitBlend
    ? trainBlended(train, params.implicit, params.stars)
    : null;
  const implicit = blended?.implicit ?? trainImplicit(train, params.implicit);
  let factors = implicit.itemFactors;
  let contentModel: ContentModel | null = null;
  if (params.content && content) {
    contentModel = fitContentMap(content, factors, train.itemCounts, implicit.k, params.content);
    if (params.content.blend > 0)
      factors = blendWithContent(
        factors,
        train.itemCounts,
        content,
        contentModel,
        params.content.blend,
      );
  }
  const stars = blended?.stars ?? (params.stars ? trainStars(train, params.stars) : null);
  const blend = blended?.blend ?? null;
  return {
    createdAt: new Date().toISOString(),
    movieIds: Int32Array.from(train.items.ids),
    itemCounts: Uint32Array.from(train.itemCounts),
    implicit: { params: params.implicit, factors },
    stars:
      stars && params.stars
        ? {
            params: params.stars,
            globalMean: stars.globalMean,
            itemBias: stars.itemBias,
            factors: stars.itemFactors,
            blend,
          }
        : null,
    content: contentModel,
    training: {
      source,
      ratings: train.length,
      users: train.numUsers,
      items: train.numItems,
      trainMs: now() - started,
    },
  };
}
