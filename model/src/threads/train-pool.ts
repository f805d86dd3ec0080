// Runs in Node. The shared trainer on every core: worker threads run the slices of each training
// job (row solves with the SIMD kernels, rotations, Gramians) over arrays in one shared
// WebAssembly memory (the pool's WasmArena); this thread only steps the trainer from one job to the
// next. Results equal the one-thread trainer's exactly (rows are independent and Gramians are
// summed in fixed parts).
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { WasmArena } from '../linalg/wasm-arena';
import { jobParts, jobWork, type RowJob, type Training } from '../recommender/row-jobs';
import { startNodeWorker } from './node-worker';
import type { PartMessage, ThreadData } from './train-thread';

/** Slices per thread and job: enough for threads that finish early to take over work. */
const SLICES_PER_THREAD = 4;

export interface TrainPoolOptions {
  /** Threads to train on; all cores by default. */
  threads?: number;
  /** The compiled train-thread.js, for callers that do not run from TypeScript sources. */
  threadFile?: string;
}

export interface TrainPool {
  readonly threads: number;
  /**
   * Where a training's large arrays must live (buildInteractions can build them here). Nothing
   * in it is freed before the pool is dropped: start a pool for each training.
   */
  readonly arena: WasmArena;
  /**
   * Runs a trainer to the end on the pool; its large arrays must live in `arena`. `onWork`
   * hears the work of each job done (jobWork).
   */
  run<T>(training: Training<T>, onWork?: (work: number) => void): Promise<T>;
  close(): Promise<void>;
}

export const defaultThreadFile = fileURLToPath(new URL('./train-thread.ts', import.meta.url));

export function startTrainPool(options: TrainPoolOptions = {}): TrainPool {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const arena = new WasmArena();
  const workers: Worker[] = Array.from({ length: threads }, () => {
    const workerData: ThreadData = { memory: arena.memory, scratch: arena.scratch() };
    return startNodeWorker(options.threadFile ?? defaultThreadFile, { workerData });
  });
  let failure: Error | null = null;
  let onFailure: ((error: Error) => void) | null = null;
  let isClosing = false;
  const fail = (error: Error) => {
    failure ??= error;
    onFailure?.(failure);
  };
  for (const worker of workers) {
    worker.on('error', fail);
    // A thread that ends by itself would leave its slices undone: the training fails instead.
    worker.on('exit', (code) => {
      if (!isClosing) fail(new Error(`A training thread stopped (exit code ${code}).`));
    });
  }

  const runJob = (job: RowJob) =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      const outside = arraysOf(job).find((array) => !arena.owns(array));
      if (outside)
        return reject(new RangeError(`A ${job.kind} job's arrays are not in the pool's arena.`));
      onFailure = reject;
      const parts = jobParts(job, threads * SLICES_PER_THREAD);
      let next = 0;
      let pending = parts.length;
      const feed = (worker: Worker, first: boolean) => {
        const part = parts[next++];
        if (!part) return;
        const message: PartMessage = first ? { job, part } : { part };
        worker.postMessage(message);
      };
      const listeners = workers.map((worker) => {
        const listener = () => {
          pending--;
          if (pending === 0) {
            workers.forEach((w, i) => w.off('message', listeners[i]!));
            onFailure = null;
            resolve();
          } else feed(worker, false);
        };
        worker.on('message', listener);
        return listener;
      });
      workers.forEach((worker) => feed(worker, true));
    });

  return {
    threads,
    arena,
    async run<T>(training: Training<T>, onWork?: (work: number) => void): Promise<T> {
      for (let step = training.next(); ; step = training.next()) {
        if (step.done) return step.value;
        await runJob(step.value);
        onWork?.(jobWork(step.value));
      }
    },
    async close() {
      isClosing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** The large arrays a job reads or writes, which the threads must share. */
function arraysOf(job: RowJob): ArrayBufferView[] {
  switch (job.kind) {
    case 'implicit':
      return [job.rows.ptr, job.rows.cols, job.rows.values, job.other, job.out];
    case 'stars':
      return [
        job.rows.ptr,
        job.rows.cols,
        job.rows.values,
        job.otherFactors,
        job.otherBias,
        job.outFactors,
        job.outBias,
      ];
    case 'rotate':
      return [job.factors];
    case 'gramian':
      return [job.factors, job.partials];
  }
}
