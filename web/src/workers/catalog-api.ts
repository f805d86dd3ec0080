// Runs in the device worker. Browse's side of the catalog: filters and sorts over the films at
// once, words once the text index is built (a second or two for 62,000 films, begun after the
// first answer) and filter suggestions.
import type { CatalogQuery } from '$lib/catalog/catalog-query';
import { CatalogSearch } from '$lib/catalog/catalog-search';
import { catalogFilms } from './catalog-films';
import { db } from './worker-db';

let search: { version: string; index: CatalogSearch } | null = null;

/** The search over the stored catalog's films, made again when a newer catalog was installed. */
async function currentSearch(): Promise<CatalogSearch | null> {
  const catalog = await catalogFilms(db);
  if (!catalog) return null;
  if (search?.version !== catalog.version)
    search = { version: catalog.version, index: new CatalogSearch(catalog.films) };
  return search.index;
}

export const catalogApi = {
  /** Reads the films now (after the first download, say); resolves with their number. */
  async prepareCatalog(): Promise<number> {
    return (await catalogFilms(db))?.films.length ?? 0;
  },
  /** Ids of the films matching `query`, in order; unrated-only uses this device's ratings. */
  async query(query: CatalogQuery): Promise<number[]> {
    const index = await currentSearch();
    if (!index) return [];
    const rated = query.isUnratedOnly
      ? new Set((await db.ratings.toCollection().primaryKeys()) as number[])
      : new Set<number>();
    const found = await index.run(query, rated);
    // Browse is open: the text index next, a chunk at a time, once this answer is out.
    setTimeout(() => void index.prepareText(), 0);
    return found;
  },
  async topTags(limit: number): Promise<string[]> {
    return (await currentSearch())?.topTags(limit) ?? [];
  },
  async topPeople(limit: number): Promise<string[]> {
    return (await currentSearch())?.topPeople(limit) ?? [];
  },
};
