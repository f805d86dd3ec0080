// Runs in the browser. The page's handle on the device worker (device.worker.ts), started on
// first use and shared by every page; `catalogWorker` and `recommenderWorker` name its two parts.
import * as Comlink from 'comlink';
import type { DeviceWorkerApi } from './device.worker';

let worker: Comlink.Remote<DeviceWorkerApi> | null = null;

function deviceWorker(): Comlink.Remote<DeviceWorkerApi> {
  worker ??= Comlink.wrap<DeviceWorkerApi>(
    new Worker(new URL('./device.worker.ts', import.meta.url), { type: 'module' }),
  );
  return worker;
}

/** The catalog's side: Browse's queries and filter suggestions. */
export const catalogWorker = deviceWorker;
/** The recommender's side: For you, why, the taste map and genre counts, Ask, more like this. */
export const recommenderWorker = deviceWorker;
