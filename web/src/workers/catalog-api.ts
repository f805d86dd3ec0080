// Runs in a Web Worker. Owns the catalog's films in memory (the page reads only the ones it shows),
// and answers Browse's queries over them: filters and sorts at once, words once the text index is
// built (a second or two for 62,000 films, begun after the first answer, never blocking the page).
import * as Comlink from 'comlink';
import { FilmfoldDb } from '$lib/db/database';
import type { CatalogQuery } from '$lib/catalog/catalog-query';
import { CatalogSearch } from '$lib/catalog/catalog-search';

const db = new FilmfoldDb();
let search: CatalogSearch | null = null;
let indexedVersion = '';
let reading: { version: string; done: Promise<CatalogSearch> } | null = null;

/** The films of the stored catalog, read again when a newer catalog was installed. */
async function currentSearch(): Promise<CatalogSearch | null> {
  const snapshot = await db.snapshots.get('catalog');
  if (!snapshot) return null;
  if (search && snapshot.version === indexedVersion) return search;
  if (reading?.version !== snapshot.version) {
    const done = (async () => {
      const next = new CatalogSearch(await db.films.toArray());
      search = next;
      indexedVersion = snapshot.version;
      // The text index next, once this answer is out.
      setTimeout(() => void next.prepareText(), 0);
      return next;
    })().finally(() => {
      if (reading?.done === done) reading = null;
    });
    reading = { version: snapshot.version, done };
  }
  return reading.done;
}

const api = {
  /** Reads the films now (after the first download, say); resolves with their number. */
  async prepare(): Promise<number> {
    const index = await currentSearch();
    return index ? await db.films.count() : 0;
  },
  /** Ids of the films matching `query`, in order; unrated-only uses this device's ratings. */
  async query(query: CatalogQuery): Promise<number[]> {
    const index = await currentSearch();
    if (!index) return [];
    const rated = query.isUnratedOnly
      ? new Set((await db.ratings.toCollection().primaryKeys()) as number[])
      : new Set<number>();
    return index.run(query, rated);
  },
  async topTags(limit: number): Promise<string[]> {
    return (await currentSearch())?.topTags(limit) ?? [];
  },
  async topPeople(limit: number): Promise<string[]> {
    return (await currentSearch())?.topPeople(limit) ?? [];
  },
  /** Everyone's ratings per genre over the whole catalog, for the taste page and the report. */
  async genreCounts(): Promise<Map<string, number>> {
    return (await currentSearch())?.genreCounts() ?? new Map();
  },
};

export type CatalogWorkerApi = typeof api;

Comlink.expose(api);
