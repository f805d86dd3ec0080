// Runs in a Node worker thread started by train-pool.ts: runs the slices of training jobs it is
// sent, over the shared arrays the jobs carry, and answers each slice's number when done.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { type JobPart, type RowJob, runJobPart } from '../recommender/row-jobs';

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

let current: RowJob | null = null;
parentPort!.on('message', ({ job, part }: PartMessage) => {
  if (job) current = job;
  runJobPart(current!, part);
  parentPort!.postMessage(part.part);
});
