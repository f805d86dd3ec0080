// Runs in the browser. The page's handle on the import worker, started when an import begins.
import * as Comlink from 'comlink';
import type { ImportWorkerApi } from './import.worker';

let worker: Comlink.Remote<ImportWorkerApi> | null = null;

export function importWorker(): Comlink.Remote<ImportWorkerApi> {
  worker ??= Comlink.wrap<ImportWorkerApi>(
    new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }),
  );
  return worker;
}
