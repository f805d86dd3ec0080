// Runs in browser, worker and Node.
// Implicit ALS: Hu, Koren, Volinsky 2008, "Collaborative Filtering for Implicit Feedback Datasets",
// eq. 4, with the unobserved weight α0 and frequency-scaled regularisation of
// Rendle, Krichene, Zhang, Koren 2021, "Revisiting the Performance of iALS on Item Recommendation".
import { choleskyInPlace, choleskySolveInPlace } from '../linalg/cholesky';
import { cgWork, conjugateGradientFrom } from '../linalg/conjugate-gradient';
import { dotRow, addScaledRow } from '../linalg/row-kernels';
import { symmetricEigen, rotateRows } from '../linalg/symmetric-eigen';
import type { RowKernels } from '../linalg/wasm-arena';
import { type ArrayMaker, plainArrays } from '../data/array-maker';
import type { Interactions, SparseRows } from '../data/interactions';
import { fillNormal, mulberry32 } from '../random';
import { gramianOf, type ImplicitRowsJob, runTraining, type Training } from './row-jobs';

export interface ImplicitParams extends Record<string, number> {
  /** Embedding size k. */
  factors: number;
  iterations: number;
  /** λ: L2 regularisation, scaled per row by (n + α0·N)^ν. */
  regularization: number;
  /** ν: 0 keeps λ fixed, 1 scales it with each row's weight (Rendle et al. 2021, section 3.3). */
  frequencyExponent: number;
  /** α0: the weight of every unobserved pair, pushing their scores toward 0. */
  unobservedWeight: number;
  /** α: an observed rating r weighs c = 1 + α·r/5, so that low ratings count less. */
  confidence: number;
  /** Ratings below this are negatives (target 0 with weight c); 0 keeps every rating positive. */
  negativeBelow: number;
  /** Conjugate-gradient steps per row while training (Takács et al. 2011); 0 solves each row exactly. */
  cgSteps: number;
  seed: number;
}

/** c_ui: how much an observed rating weighs (Hu et al. eq. 2, with the rating as the signal). */
export function confidenceOf(rating: number, params: ImplicitParams): number {
  return 1 + (params.confidence * rating) / 5;
}

/** c_ui · p_ui: the pull of an observed rating toward a score of 1; 0 for a negative. */
export function pullOf(rating: number, params: ImplicitParams): number {
  return params.negativeBelow > 0 && rating < params.negativeBelow
    ? 0
    : confidenceOf(rating, params);
}

/** λ for a row with `count` observed entries: λ·(count + α0·otherCount)^ν. */
export function rowLambda(count: number, otherCount: number, params: ImplicitParams): number {
  return (
    params.regularization *
    Math.pow(count + params.unobservedWeight * otherCount, params.frequencyExponent)
  );
}

/** Trained implicit factors: one row of k numbers per user and per item (row-major). */
export interface ImplicitFactors {
  readonly k: number;
  readonly numUsers: number;
  readonly numItems: number;
  readonly userFactors: Float32Array;
  readonly itemFactors: Float32Array;
}

/** Working memory for one row solve, reused across rows. */
export interface RowScratch {
  /** k x k system matrix; after a solve, its Cholesky factor L. */
  a: Float64Array;
  /** Right-hand side; after a solve, the solution. */
  b: Float64Array;
}

export function rowScratch(k: number): RowScratch {
  return { a: new Float64Array(k * k), b: new Float64Array(k) };
}

/**
 * Solves one row of implicit ALS in closed form:
 * (α0·G + Σ_j (c_j − α0) f_j f_jᵀ + λ_row·I) x = Σ_j c_j p_j f_j,
 * where j runs over the row's observed entries and f_j are the other side's factors.
 * Leaves L (of the system matrix) in scratch.a and x in scratch.b; returns x as float32 in `out`.
 */
export function solveImplicitRow(
  gram: Float64Array,
  other: Float32Array,
  otherCount: number,
  k: number,
  cols: ArrayLike<number>,
  ratings: ArrayLike<number>,
  start: number,
  end: number,
  params: ImplicitParams,
  scratch: RowScratch,
  out: Float32Array,
  outOffset: number,
): void {
  const { a, b } = scratch;
  const alpha0 = params.unobservedWeight;
  for (let p = 0; p < k * k; p++) a[p] = alpha0 * gram[p]!;
  b.fill(0);
  for (let e = start; e < end; e++) {
    const base = cols[e]! * k;
    const extra = confidenceOf(ratings[e]!, params) - alpha0;
    const pull = pullOf(ratings[e]!, params);
    for (let r = 0; r < k; r++) {
      const fr = other[base + r]!;
      if (pull !== 0) b[r] = b[r]! + pull * fr;
      const scaled = extra * fr;
      const row = r * k;
      for (let c = 0; c <= r; c++) a[row + c] = a[row + c]! + scaled * other[base + c]!;
    }
  }
  const lambda = rowLambda(end - start, otherCount, params);
  for (let r = 0; r < k; r++) a[r * k + r] = a[r * k + r]! + lambda;
  // Only the lower triangle was accumulated; Cholesky reads only the lower triangle.
  if (!choleskyInPlace(a, k))
    throw new RangeError('Implicit ALS row system is not positive definite.');
  choleskySolveInPlace(a, k, b);
  for (let r = 0; r < k; r++) out[outOffset + r] = b[r]!;
}

/**
 * Trains user and item factors by alternating row solves. Deterministic for a seed; `init`
 * warm-starts from earlier factors of the same users and items (they are copied, not changed).
 */
export function trainImplicit(
  train: Interactions,
  params: ImplicitParams,
  init?: ImplicitFactors,
): ImplicitFactors {
  return runTraining(implicitTraining(train, params, init, plainArrays));
}

/** trainImplicit as jobs, its factors made by `arrays`. */
export function* implicitTraining(
  train: Interactions,
  params: ImplicitParams,
  init: ImplicitFactors | undefined,
  arrays: ArrayMaker,
): Training<ImplicitFactors> {
  const k = params.factors;
  const userFactors = arrays.float32(train.numUsers * k);
  const itemFactors = arrays.float32(train.numItems * k);
  if (init) {
    userFactors.set(init.userFactors);
    itemFactors.set(init.itemFactors);
  } else fillNormal(itemFactors, mulberry32(params.seed), 0.1 / Math.sqrt(k));
  for (let iteration = 0; iteration < params.iterations; iteration++) {
    yield* implicitSide(
      train.byUser,
      train.numUsers,
      itemFactors,
      train.numItems,
      userFactors,
      params,
      arrays,
    );
    yield* implicitSide(
      train.byItem,
      train.numItems,
      userFactors,
      train.numUsers,
      itemFactors,
      params,
      arrays,
    );
  }
  return { k, numUsers: train.numUsers, numItems: train.numItems, userFactors, itemFactors };
}

/** The trainer's user step: every user's vector given the item factors (which stay unchanged). */
export function userStep(
  train: Interactions,
  itemFactors: Float32Array,
  params: ImplicitParams,
): Float32Array {
  const k = params.factors;
  const users = new Float32Array(train.numUsers * k);
  const items = Float32Array.from(itemFactors);
  const rotation = runTraining(
    implicitSide(train.byUser, train.numUsers, items, train.numItems, users, params, plainArrays),
  );
  if (rotation) rotateRows(users, train.numUsers, k, transpose(rotation, k));
  return users;
}

function transpose(m: Float64Array, k: number): Float64Array {
  const t = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) t[b * k + a] = m[a * k + b]!;
  return t;
}

/**
 * Solves every row of one side given the other. The conjugate-gradient path rotates both sides
 * into the Gramian's eigenbasis and returns that rotation Q (scores are unchanged by it); the
 * exact path returns null.
 */
function* implicitSide(
  rows: SparseRows,
  rowCount: number,
  other: Float32Array,
  otherCount: number,
  out: Float32Array,
  params: ImplicitParams,
  arrays: ArrayMaker,
): Training<Float64Array | null> {
  const k = params.factors;
  const gram = yield* gramianOf(other, otherCount, k, arrays);
  const job = { kind: 'implicit', rows, rowCount, other, otherCount, out, k, params } as const;
  if (params.cgSteps <= 0) {
    yield { ...job, scaledEigen: null, gram };
    return null;
  }
  // Conjugate gradient, warm-started from the current rows: Takács, Pilászy, Tikk 2011,
  // "Applications of the conjugate gradient method for implicit feedback collaborative filtering".
  //
  // Both sides are first rotated into the eigenbasis of the Gramian (G = QΛQᵀ; F ← FQ on both
  // sides leaves every score unchanged), so that α0·G v costs k instead of k² per CG step.
  const { values, vectors } = symmetricEigen(gram, k);
  yield { kind: 'rotate', factors: other, rowCount: otherCount, k, q: vectors };
  yield { kind: 'rotate', factors: out, rowCount, k, q: vectors };
  yield { ...job, scaledEigen: values.map((v) => params.unobservedWeight * v), gram: null };
  return vectors;
}

/** Rows [from, to) of an implicit job: closed form, or warm-started conjugate gradient. */
export function solveImplicitRows(
  job: ImplicitRowsJob,
  from: number,
  to: number,
  kernels: RowKernels | null = null,
): void {
  const { rows, other, otherCount, out, k, params, scaledEigen } = job;
  if (!scaledEigen) {
    const scratch = rowScratch(k);
    for (let row = from; row < to; row++)
      solveImplicitRow(
        job.gram!,
        other,
        otherCount,
        k,
        rows.cols,
        rows.values,
        rows.ptr[row]!,
        rows.ptr[row + 1]!,
        params,
        scratch,
        out,
        row * k,
      );
    return;
  }
  const alpha0 = params.unobservedWeight;
  const x = new Float64Array(k);
  const work = cgWork(k);
  let weights = new Float64Array(256);
  let pulls = new Float64Array(256);
  let start = 0;
  let end = 0;
  let lambda = 0;
  // A v = α0·Λ v + Σ_j (c_j − α0) f_j (f_jᵀ v) + λ v, without forming A.
  // (The loops read the row's bounds and weights into locals: they change between rows.)
  const cols = rows.cols;
  const simd = kernels?.fits(k) ? kernels : null;
  const multiply = (v: Float64Array, result: Float64Array) => {
    for (let c = 0; c < k; c++) result[c] = (scaledEigen[c]! + lambda) * v[c]!;
    if (simd) return simd.implicitPass(rows, start, end, other, k, v, result, params, false);
    const [first, last, w] = [start, end, weights];
    for (let e = first; e < last; e++) {
      const base = cols[e]! * k;
      addScaledRow(result, other, base, k, w[e - first]! * dotRow(other, base, v, k));
    }
  };
  // b − A x with b = Σ_j c_j p_j f_j, in the same single pass.
  const residual = (from: Float64Array, result: Float64Array) => {
    for (let c = 0; c < k; c++) result[c] = -(scaledEigen[c]! + lambda) * from[c]!;
    if (simd) return simd.implicitPass(rows, start, end, other, k, from, result, params, true);
    const [first, last, w, p] = [start, end, weights, pulls];
    for (let e = first; e < last; e++) {
      const base = cols[e]! * k;
      const j = e - first;
      addScaledRow(result, other, base, k, p[j]! - w[j]! * dotRow(other, base, from, k));
    }
  };
  for (let row = from; row < to; row++) {
    start = rows.ptr[row]!;
    end = rows.ptr[row + 1]!;
    const offset = row * k;
    if (start === end) {
      // No observations: b = 0, so the solution is exactly 0.
      out.fill(0, offset, offset + k);
      continue;
    }
    if (weights.length < end - start) {
      weights = new Float64Array(2 * (end - start));
      pulls = new Float64Array(2 * (end - start));
    }
    lambda = rowLambda(end - start, otherCount, params);
    for (let c = 0; c < k; c++) x[c] = out[offset + c]!;
    for (let e = start; !simd && e < end; e++) {
      const rating = rows.values[e]!;
      weights[e - start] = confidenceOf(rating, params) - alpha0;
      pulls[e - start] = pullOf(rating, params);
    }
    conjugateGradientFrom(k, multiply, residual, x, params.cgSteps, work);
    for (let c = 0; c < k; c++) out[offset + c] = x[c]!;
  }
}
