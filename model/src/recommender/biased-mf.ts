// Runs in browser, worker and Node.
// Biased matrix factorisation for predicted stars, r̂ = μ + b_u + b_i + x_uᵀy_i, trained by ALS with
// weighted-λ regularisation: Zhou, Wilkinson, Schreiber, Pan 2008, "Large-Scale Parallel
// Collaborative Filtering for the Netflix Prize", section 3.1; biases ride along as an extra
// coordinate of each row (Koren, Bell, Volinsky 2009, eq. 5).
import { type ArrayMaker, plainArrays } from '../data/array-maker';
import type { Interactions } from '../data/interactions';
import { choleskyInPlace, choleskySolveInPlace } from '../linalg/cholesky';
import { cgWork, conjugateGradientFrom } from '../linalg/conjugate-gradient';
import { addScaledRow, dotRow } from '../linalg/row-kernels';
import type { RowKernels } from '../linalg/wasm-arena';
import { fillNormal, mulberry32 } from '../random';
import { fitBiases } from './baselines';
import { runTraining, type StarRowsJob, type Training } from './row-jobs';

export interface StarParams extends Record<string, number> {
  factors: number;
  iterations: number;
  /** λ, multiplied by each row's number of ratings (weighted-λ). */
  regularization: number;
  /** λ for the bias coordinate, also per rating. */
  biasRegularization: number;
  /** Conjugate-gradient steps per row while training; 0 solves each row exactly. */
  cgSteps: number;
  /** 1 blends in the implicit model's score (weights fitted on held-out ratings); 0 does not. */
  implicitBlend: number;
  seed: number;
}

/** Trained star model: global mean, biases and factors for users and items. */
export interface StarFactors {
  readonly k: number;
  readonly globalMean: number;
  readonly userBias: Float32Array;
  readonly itemBias: Float32Array;
  readonly userFactors: Float32Array;
  readonly itemFactors: Float32Array;
}

/** Working memory for one (k + 1)-dimensional row solve. */
export interface StarScratch {
  a: Float64Array;
  b: Float64Array;
}

export function starScratch(k: number): StarScratch {
  return { a: new Float64Array((k + 1) * (k + 1)), b: new Float64Array(k + 1) };
}

/**
 * Solves one row's factors and bias given the other side fixed:
 * minimise Σ_j (r_j − μ − b_other_j − b − xᵀf_j)² + n·(λ|x|² + λ_b·b²).
 * Writes x into outFactors at outOffset and returns b.
 */
export function solveStarRow(
  otherFactors: Float32Array,
  otherBias: Float32Array,
  globalMean: number,
  k: number,
  cols: ArrayLike<number>,
  ratings: ArrayLike<number>,
  start: number,
  end: number,
  params: StarParams,
  scratch: StarScratch,
  outFactors: Float32Array,
  outOffset: number,
): number {
  const d = k + 1;
  const { a, b } = scratch;
  a.fill(0);
  b.fill(0);
  for (let e = start; e < end; e++) {
    const j = cols[e]!;
    const base = j * k;
    const residual = ratings[e]! - globalMean - otherBias[j]!;
    // Feature vector f = [y_j, 1]; accumulate the lower triangle of Σ f fᵀ and Σ residual·f.
    for (let r = 0; r < k; r++) {
      const fr = otherFactors[base + r]!;
      b[r] = b[r]! + residual * fr;
      const row = r * d;
      for (let c = 0; c <= r; c++) a[row + c] = a[row + c]! + fr * otherFactors[base + c]!;
    }
    const biasRow = k * d;
    for (let c = 0; c < k; c++) a[biasRow + c] = a[biasRow + c]! + otherFactors[base + c]!;
    a[biasRow + k] = a[biasRow + k]! + 1;
    b[k] = b[k]! + residual;
  }
  const n = Math.max(1, end - start);
  for (let r = 0; r < k; r++) a[r * d + r] = a[r * d + r]! + params.regularization * n;
  a[k * d + k] = a[k * d + k]! + params.biasRegularization * n;
  if (!choleskyInPlace(a, d))
    throw new RangeError('Star model row system is not positive definite.');
  choleskySolveInPlace(a, d, b);
  for (let r = 0; r < k; r++) outFactors[outOffset + r] = b[r]!;
  return b[k]!;
}

/**
 * Trains the star model by alternating row solves, starting from regularised biases, or
 * warm-started from `init` (copied, not changed) for the same users and items.
 */
export function trainStars(
  train: Interactions,
  params: StarParams,
  init?: StarFactors,
): StarFactors {
  return runTraining(starTraining(train, params, init, plainArrays));
}

/** trainStars as jobs, its factors and biases made by `arrays`. */
export function* starTraining(
  train: Interactions,
  params: StarParams,
  init: StarFactors | undefined,
  arrays: ArrayMaker,
): Training<StarFactors> {
  const k = params.factors;
  const copy = (from: Float32Array) => {
    const to = arrays.float32(from.length);
    to.set(from);
    return to;
  };
  let model: StarFactors;
  if (init) {
    model = {
      k,
      globalMean: train.globalMean,
      userBias: copy(init.userBias),
      itemBias: copy(init.itemBias),
      userFactors: copy(init.userFactors),
      itemFactors: copy(init.itemFactors),
    };
  } else {
    const start = fitBiases(train, { itemReg: 10, userReg: 10 });
    const itemFactors = arrays.float32(train.numItems * k);
    fillNormal(itemFactors, mulberry32(params.seed), 0.1 / Math.sqrt(k));
    model = {
      k,
      globalMean: train.globalMean,
      userBias: copy(start.user),
      itemBias: copy(start.item),
      userFactors: arrays.float32(train.numUsers * k),
      itemFactors,
    };
  }
  const job = { kind: 'stars', globalMean: model.globalMean, k, params } as const;
  for (let iteration = 0; iteration < params.iterations; iteration++) {
    yield {
      ...job,
      rows: train.byUser,
      rowCount: train.numUsers,
      otherFactors: model.itemFactors,
      otherBias: model.itemBias,
      outFactors: model.userFactors,
      outBias: model.userBias,
    };
    yield {
      ...job,
      rows: train.byItem,
      rowCount: train.numItems,
      otherFactors: model.userFactors,
      otherBias: model.userBias,
      outFactors: model.itemFactors,
      outBias: model.itemBias,
    };
  }
  return model;
}

/** Rows [from, to) of a star job: closed form, or warm-started conjugate gradient. */
export function solveStarRows(
  job: StarRowsJob,
  from: number,
  to: number,
  kernels: RowKernels | null = null,
): void {
  const { rows, otherFactors, otherBias, outFactors, outBias, globalMean, k, params } = job;
  const d = k + 1;
  const scratch = starScratch(k);
  const work = cgWork(d);
  const x = new Float64Array(d);
  let start = 0;
  let end = 0;
  let regFactor = 0;
  let regBias = 0;
  // The same system as solveStarRow by conjugate gradient (see implicit-als.ts), written out:
  // A v = Σ_j f_j (f_jᵀ v) + n·Λ v with f_j = [y_j, 1] and Λ = diag(λ, …, λ, λ_b).
  const simd = kernels?.fits(k) ? kernels : null;
  const multiply = (v: Float64Array, out: Float64Array) => {
    for (let c = 0; c < k; c++) out[c] = regFactor * v[c]!;
    if (simd) {
      out[k] = regBias * v[k]!;
      return simd.starPass(rows, start, end, otherFactors, otherBias, k, v, out, globalMean, false);
    }
    let biasSum = regBias * v[k]!;
    for (let e = start; e < end; e++) {
      const base = rows.cols[e]! * k;
      const projection = v[k]! + dotRow(otherFactors, base, v, k);
      addScaledRow(out, otherFactors, base, k, projection);
      biasSum += projection;
    }
    out[k] = biasSum;
  };
  // b − A x with b = Σ_j residual_j f_j, in the same single pass.
  const residual = (from: Float64Array, out: Float64Array) => {
    for (let c = 0; c < k; c++) out[c] = -regFactor * from[c]!;
    if (simd) {
      out[k] = -regBias * from[k]!;
      return simd.starPass(
        rows,
        start,
        end,
        otherFactors,
        otherBias,
        k,
        from,
        out,
        globalMean,
        true,
      );
    }
    let biasSum = -regBias * from[k]!;
    for (let e = start; e < end; e++) {
      const j = rows.cols[e]!;
      const base = j * k;
      const left =
        rows.values[e]! -
        globalMean -
        otherBias[j]! -
        from[k]! -
        dotRow(otherFactors, base, from, k);
      addScaledRow(out, otherFactors, base, k, left);
      biasSum += left;
    }
    out[k] = biasSum;
  };
  for (let row = from; row < to; row++) {
    start = rows.ptr[row]!;
    end = rows.ptr[row + 1]!;
    if (start === end) {
      outBias[row] = 0;
      outFactors.fill(0, row * k, row * k + k);
      continue;
    }
    if (params.cgSteps <= 0) {
      outBias[row] = solveStarRow(
        otherFactors,
        otherBias,
        globalMean,
        k,
        rows.cols,
        rows.values,
        start,
        end,
        params,
        scratch,
        outFactors,
        row * k,
      );
      continue;
    }
    const n = end - start;
    regFactor = params.regularization * n;
    regBias = params.biasRegularization * n;
    for (let c = 0; c < k; c++) x[c] = outFactors[row * k + c]!;
    x[k] = outBias[row]!;
    conjugateGradientFrom(d, multiply, residual, x, params.cgSteps, work);
    for (let c = 0; c < k; c++) outFactors[row * k + c] = x[c]!;
    outBias[row] = x[k]!;
  }
}

/** The trainer's user step: every user's factors and bias given the item side (new arrays). */
export function starUserStep(
  train: Interactions,
  model: StarFactors,
  params: StarParams,
): { factors: Float32Array; bias: Float32Array } {
  const factors = new Float32Array(train.numUsers * model.k);
  const bias = new Float32Array(train.numUsers);
  solveStarRows(
    {
      kind: 'stars',
      rows: train.byUser,
      rowCount: train.numUsers,
      otherFactors: model.itemFactors,
      otherBias: model.itemBias,
      outFactors: factors,
      outBias: bias,
      globalMean: model.globalMean,
      k: model.k,
      params,
    },
    0,
    train.numUsers,
  );
  return { factors, bias };
}

/** Predicted stars for a user vector and bias, unclipped. */
export function predictStars(
  model: StarFactors,
  userVector: ArrayLike<number>,
  userBias: number,
  item: number,
): number {
  const base = item * model.k;
  let dot = 0;
  for (let c = 0; c < model.k; c++) dot += userVector[c]! * model.itemFactors[base + c]!;
  return model.globalMean + userBias + model.itemBias[item]! + dot;
}
