// Runs in browser, worker and Node. Training as a sequence of jobs over rows: every step of the
// shared trainer that touches all users or all items (row solves, rotations, Gramians) is a job
// whose rows are independent, so that one thread runs it whole and several threads split it
// (model/src/threads/). Trainers are generators that yield jobs and continue once they are done.
import type { ArrayMaker } from '../data/array-maker';
import type { SparseRows } from '../data/interactions';
import { gramianPart, rotateRowRange } from '../linalg/row-kernels';
import type { RowKernels } from '../linalg/wasm-arena';
import { type StarParams, solveStarRows } from './biased-mf';
import { type ImplicitParams, solveImplicitRows } from './implicit-als';

/** Implicit ALS rows of one side given the other (see implicit-als.ts). */
export interface ImplicitRowsJob {
  kind: 'implicit';
  rows: SparseRows;
  rowCount: number;
  other: Float32Array;
  otherCount: number;
  out: Float32Array;
  k: number;
  params: ImplicitParams;
  /**
   * Conjugate-gradient path: α0 times the eigenvalues of the other side's Gramian, both sides
   * already rotated into its eigenbasis. Exact path: null, and `gram` is the Gramian itself.
   */
  scaledEigen: Float64Array | null;
  gram: Float64Array | null;
}

/** Star model rows of one side given the other (see biased-mf.ts). */
export interface StarRowsJob {
  kind: 'stars';
  rows: SparseRows;
  rowCount: number;
  otherFactors: Float32Array;
  otherBias: Float32Array;
  outFactors: Float32Array;
  outBias: Float32Array;
  globalMean: number;
  k: number;
  params: StarParams;
}

/** F ← F Q for every row of `factors`. */
export interface RotateJob {
  kind: 'rotate';
  factors: Float32Array;
  rowCount: number;
  k: number;
  q: Float64Array;
}

/**
 * FᵀF in `parts` fixed slices of rows, each summed into its own k x k block of `partials`; the
 * trainer adds the blocks in order, so the sum is the same however many threads ran them.
 */
export interface GramianJob {
  kind: 'gramian';
  factors: Float32Array;
  rowCount: number;
  k: number;
  parts: number;
  partials: Float64Array;
}

export type RowJob = ImplicitRowsJob | StarRowsJob | RotateJob | GramianJob;

/** A trainer: yields jobs, returns what it trained. */
export type Training<T> = Generator<RowJob, T, void>;

/** A slice of a job's rows: [from, to), and for a Gramian the block it sums into. */
export interface JobPart {
  from: number;
  to: number;
  part: number;
}

/**
 * Runs one slice of a job in this thread: with `kernels`, row solves use the SIMD kernels
 * (the job's arrays must then live in their WasmArena).
 */
export function runJobPart(
  job: RowJob,
  { from, to, part }: JobPart,
  kernels: RowKernels | null = null,
): void {
  switch (job.kind) {
    case 'implicit':
      return solveImplicitRows(job, from, to, kernels);
    case 'stars':
      return solveStarRows(job, from, to, kernels);
    case 'rotate':
      return rotateRowRange(job.factors, job.k, job.q, from, to);
    case 'gramian':
      return gramianPart(job.factors, job.k, from, to, job.partials, part * job.k * job.k);
  }
}

/**
 * The slices a job runs as: a Gramian's fixed parts; otherwise `count` slices of about equal
 * work (a row solve costs about one unit per rating plus a fixed share per row).
 */
export function jobParts(job: RowJob, count: number): JobPart[] {
  if (job.kind === 'gramian') return evenSlices(job.rowCount, job.parts);
  if (job.kind === 'rotate' || count <= 1) return evenSlices(job.rowCount, Math.max(1, count));
  const ptr = job.rows.ptr;
  const perRow = job.k;
  const cost = (row: number) => ptr[row]! + row * perRow;
  const total = cost(job.rowCount);
  const parts: JobPart[] = [];
  let from = 0;
  for (let p = 1; p <= count && from < job.rowCount; p++) {
    let to = job.rowCount;
    if (p < count) {
      // The first row whose cumulative cost reaches p/count of the total.
      const target = (total * p) / count;
      let low = from;
      let high = job.rowCount;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (cost(mid) < target) low = mid + 1;
        else high = mid;
      }
      to = Math.max(low, from + 1);
    }
    parts.push({ from, to, part: parts.length });
    from = to;
  }
  return parts;
}

function evenSlices(rows: number, count: number): JobPart[] {
  return Array.from({ length: count }, (_, part) => ({
    from: Math.floor((rows * part) / count),
    to: Math.floor((rows * (part + 1)) / count),
    part,
  }));
}

/** Runs a trainer to the end in this thread, with the SIMD kernels if given. */
export function runTraining<T>(
  training: Training<T>,
  { kernels = null }: { kernels?: RowKernels | null } = {},
): T {
  for (let step = training.next(); ; step = training.next()) {
    if (step.done) return step.value;
    for (const part of jobParts(step.value, 1)) runJobPart(step.value, part, kernels);
  }
}

/**
 * A job's share of the training's work, for progress: ratings times factors for row solves, which
 * take nearly all of the time; nothing for the rest.
 */
export function jobWork(job: RowJob): number {
  return job.kind === 'implicit' || job.kind === 'stars' ? job.rows.ptr[job.rowCount]! * job.k : 0;
}

/**
 * Floating-point operations a job does (a multiply and an add count two), for the benchmark's
 * FLOPS: a conjugate-gradient row solve reads each rating's row 1 + steps times, with a dot
 * product and an update of d numbers each time (4d); rotations and Gramians are dense.
 */
export function jobFlops(job: RowJob): number {
  switch (job.kind) {
    case 'implicit': {
      const d = job.k;
      const steps = job.scaledEigen ? job.params.cgSteps : 0;
      const entries = job.rows.ptr[job.rowCount]!;
      return steps > 0 ? entries * (1 + steps) * 4 * d : entries * d * (d + 3);
    }
    case 'stars': {
      const d = job.k + 1;
      const entries = job.rows.ptr[job.rowCount]!;
      return job.params.cgSteps > 0
        ? entries * (1 + job.params.cgSteps) * 4 * d
        : entries * d * (d + 3);
    }
    case 'rotate':
      return job.rowCount * 2 * job.k * job.k;
    case 'gramian':
      return job.rowCount * job.k * (job.k + 1);
  }
}

/** Parts of every Gramian: fixed, so that results do not depend on the number of threads. */
export const GRAMIAN_PARTS = 16;

/** FᵀF of row-major factors (rows x k), as a dense k x k Float64Array, through a job. */
export function* gramianOf(
  factors: Float32Array,
  rows: number,
  k: number,
  arrays: ArrayMaker,
): Training<Float64Array> {
  const partials = arrays.float64(GRAMIAN_PARTS * k * k);
  yield { kind: 'gramian', factors, rowCount: rows, k, parts: GRAMIAN_PARTS, partials };
  const gram = new Float64Array(k * k);
  for (let part = 0; part < GRAMIAN_PARTS; part++) {
    const base = part * k * k;
    for (let a = 0; a < k; a++)
      for (let b = a; b < k; b++) gram[a * k + b] = gram[a * k + b]! + partials[base + a * k + b]!;
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) gram[a * k + b] = gram[b * k + a]!;
  return gram;
}
