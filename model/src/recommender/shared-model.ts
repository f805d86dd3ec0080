// Runs in browser, worker and Node (the server runs it; the evaluation runs it the same way).
import type { ArrayMaker } from '../data/array-maker';
import { adoptInteractions, rowKernels, WasmArena } from '../linalg/wasm-arena';
import type { Interactions } from '../data/interactions';
import { nowMs } from '../clock';
import type { Snapshot } from '../snapshot/snapshot';
import { type StarParams, starTraining } from './biased-mf';
import {
  type ContentDocument,
  type ContentParams,
  embedContent,
  featuresOf,
  fitContentMap,
  type ContentModel,
} from './content-map';
import { type ImplicitParams, implicitTraining } from './implicit-als';
import { runTraining, type Training } from './row-jobs';
import { blendedTraining, FINAL_ITERATIONS, HOLDOUT_BUCKETS } from './star-blend';

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
 * Row solves run in this thread on the SIMD kernels, over a WasmArena (SharedArrayBuffer: Node,
 * or a cross-origin isolated page); on several threads: @filmfold/model/threads.
 */
export function trainSharedModel(
  train: Interactions,
  params: SharedModelParams,
  content: readonly ContentDocument[] | undefined,
  source: string,
  now: () => number = nowMs,
): Snapshot {
  const arena = new WasmArena();
  const training = sharedModelTraining(
    adoptInteractions(arena, train),
    params,
    content,
    source,
    now,
    arena,
  );
  return snapshotOutOf(
    runTraining(training, { kernels: rowKernels(arena.memory, arena.scratch()) }),
  );
}

/**
 * The snapshot with its arrays copied out of the training's arena, so that the arena (all the
 * training's memory) goes once the training is done.
 */
export function snapshotOutOf(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    implicit: { ...snapshot.implicit, factors: snapshot.implicit.factors.slice() },
    stars: snapshot.stars && {
      ...snapshot.stars,
      itemBias: snapshot.stars.itemBias.slice(),
      factors: snapshot.stars.factors.slice(),
    },
  };
}

/**
 * The work `sharedModelTraining` will do, in jobWork's units (about: the blend's held-out share is
 * a hash of each rating), so that progress can be told as a share with an ETA.
 */
export function sharedModelWork(ratings: number, params: SharedModelParams): number {
  const sweeps = (iterations: number) =>
    params.stars?.implicitBlend
      ? (1 - 1 / HOLDOUT_BUCKETS) * iterations + FINAL_ITERATIONS
      : iterations;
  const implicit = sweeps(params.implicit.iterations) * params.implicit.factors;
  const stars = params.stars ? sweeps(params.stars.iterations) * params.stars.factors : 0;
  // Each sweep solves both sides: every rating is seen once from each.
  return 2 * ratings * (implicit + stars);
}

/** trainSharedModel as jobs, its arrays made by `arrays`. */
export function* sharedModelTraining(
  train: Interactions,
  params: SharedModelParams,
  content: readonly ContentDocument[] | undefined,
  source: string,
  now: () => number,
  arrays: ArrayMaker,
): Training<Snapshot> {
  const started = now();
  const blended = params.stars?.implicitBlend
    ? yield* blendedTraining(train, params.implicit, params.stars, arrays)
    : null;
  const implicit =
    blended?.implicit ?? (yield* implicitTraining(train, params.implicit, undefined, arrays));
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
  const stars =
    blended?.stars ??
    (params.stars ? yield* starTraining(train, params.stars, undefined, arrays) : null);
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
