// Runs in a Node worker thread: loads MovieLens and trains, then hands the built catalog and model
// back. It never opens the database: the embedded PGlite belongs to the server's thread alone.
import { parentPort, workerData } from 'node:worker_threads';
import { buildArtifacts, type PublishOptions, type TrainingInput } from './publishing';
import { loadSeed, type SeedSource } from './seed';

export interface RetrainJob {
  source: Omit<SeedSource, 'onProgress'>;
  input: TrainingInput;
  options: Omit<PublishOptions, 'onProgress'>;
}

export type RetrainMessage =
  { kind: 'progress'; message: string } | { kind: 'built'; catalog: Uint8Array; model: Uint8Array };

const job = workerData as RetrainJob;
const post = (message: RetrainMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);
const say = (message: string) => post({ kind: 'progress', message });
const seed = await loadSeed({ ...job.source, onProgress: say });
const built = await buildArtifacts(seed, job.input, { ...job.options, onProgress: say });
// Copied into buffers of their own, which are moved (not copied again) to the server's thread.
const [catalog, model] = [new Uint8Array(built.catalog), new Uint8Array(built.model)];
post({ kind: 'built', catalog, model }, [catalog.buffer, model.buffer]);
