// Runs in a Node worker thread started by train-pool.ts: runs the slices of training jobs it is
// sent, with the SIMD kernels over the pool's shared WebAssembly memory, and answers each slice's
// number when done.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { rowKernels } from '../linalg/wasm-arena';
import { type JobPart, type RowJob, runJobPart } from '../recommender/row-jobs';

/** What the pool gives each thread once: the arena's memory and this thread's scratch in it. */
export interface ThreadData {
  memory: WebAssembly.Memory;
  scratch: Float32Array;
}

export interface PartMessage {
  /** Sent with the first slice of each job this thread sees. */
  job?: RowJob;
  part: JobPart;
}

// Training yields to whatever else the machine does (a server answering requests): on Linux
// the nice value of a thread is its own.
try {
  setPriority(10);
} catch {
  // Not permitted here (or not Linux): the thread runs at the process's priority.
}

const { memory, scratch } = workerData as ThreadData;
const kernels = rowKernels(memory, scratch);
let current: RowJob | null = null;
parentPort!.on('message', ({ job, part }: PartMessage) => {
  if (job) current = job;
  runJobPart(current!, part, kernels);
  parentPort!.postMessage(part.part);
});
