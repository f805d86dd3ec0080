// Runs in a Web Worker: the device's one worker for the catalog and the recommender, so that the
// films are in memory once (catalog-films.ts) for Browse, Ask and the model's answers alike, and
// never on the page.
import * as Comlink from 'comlink';
import { catalogApi } from './catalog-api';
import { recommenderApi } from './recommender-api';

const api = { ...catalogApi, ...recommenderApi };

export type DeviceWorkerApi = typeof api;

Comlink.expose(api);
