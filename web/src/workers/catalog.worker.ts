// Runs in a Web Worker. Holds the catalog's search index so that building it (a second or two for
// 62,000 films) and answering queries never block the page.
import * as Comlink from 'comlink';
import { FilmfoldDb } from '$lib/db/database';
import type { CatalogQuery } from '$lib/catalog/catalog-query';
import { CatalogSearch } from '$lib/catalog/catalog-search';

const db = new FilmfoldDb();
let search: CatalogSearch | null = null;
let indexedVersion = '';
let building: Promise<CatalogSearch | null> | null = null;

/** The index for the stored catalog, rebuilt when a newer catalog was installed. */
async function currentSearch(): Promise<CatalogSearch | null> {
  const snapshot = await db.snapshots.get('catalog');
  if (!snapshot) return null;
  if (search && snapshot.version === indexedVersion) return search;
  building ??= (async () => {
    const films = await db.films.toArray();
    search = new CatalogSearch(films);
    indexedVersion = snapshot.version;
    return search;
  })().finally(() => (building = null));
  return building;
}

const api = {
  /** Builds the index now (after the first download, say); resolves with the number of films. */
  async prepare(): Promise<number> {
    const index = await currentSearch();
    return index ? await db.films.count() : 0;
  },
  /** Ids of the films matching `query`, in order; unrated-only uses this device's ratings. */
  async query(query: CatalogQuery): Promise<number[]> {
    const index = await currentSearch();
    if (!index) return [];
    const rated = new Set((await db.ratings.toCollection().primaryKeys()) as number[]);
    return index.run(query, rated);
  },
  async topTags(limit: number): Promise<string[]> {
    return (await currentSearch())?.topTags(limit) ?? [];
  },
  async topPeople(limit: number): Promise<string[]> {
    return (await currentSearch())?.topPeople(limit) ?? [];
  },
};

export type CatalogWorkerApi = typeof api;

Comlink.expose(api);
