// Runs in the browser. The page's handle on the catalog worker.
import * as Comlink from 'comlink';
import type { CatalogWorkerApi } from './catalog.worker';

let worker: Comlink.Remote<CatalogWorkerApi> | null = null;

/** The catalog worker, started on first use and shared by every page. */
export function catalogWorker(): Comlink.Remote<CatalogWorkerApi> {
  worker ??= Comlink.wrap<CatalogWorkerApi>(
    new Worker(new URL('./catalog.worker.ts', import.meta.url), { type: 'module' }),
  );
  return worker;
}
