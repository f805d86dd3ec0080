// Runs in the browser. The page's handle on the recommender worker.
import * as Comlink from 'comlink';
import type { RecommenderApi } from './recommender.worker';

let worker: Comlink.Remote<RecommenderApi> | null = null;

/** The recommender worker, started on first use and shared by every page. */
export function recommenderWorker(): Comlink.Remote<RecommenderApi> {
  worker ??= Comlink.wrap<RecommenderApi>(
    new Worker(new URL('./recommender.worker.ts', import.meta.url), { type: 'module' }),
  );
  return worker;
}
