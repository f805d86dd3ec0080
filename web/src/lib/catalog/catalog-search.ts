// Runs in browser and worker. Full-text search over the catalog (MiniSearch) plus the filters.
import type { CatalogMovie } from '@filmfold/model';
import MiniSearch from 'minisearch';
import {
  type CatalogQuery,
  compareFilms,
  foldName,
  matchesFilters,
  type Sort,
} from './catalog-query';

/**
 * The catalog's films, filtered and sorted, and an index of titles, alternate titles, tags,
 * directors and cast (accents folded, so "amelie" finds "Amélie"). The index is built on the first
 * search with words (or by `prepareText`), a chunk at a time, so that browsing never waits for it.
 */
export class CatalogSearch {
  private index: Promise<MiniSearch<CatalogMovie>> | null = null;
  private readonly films: CatalogMovie[];
  private readonly byId: Map<number, CatalogMovie>;
  private readonly sorted = new Map<Sort, CatalogMovie[]>();

  constructor(films: CatalogMovie[]) {
    this.films = films;
    this.byId = new Map(films.map((film) => [film.id, film]));
  }

  /** Builds the text index now, if not built yet; resolves once it is ready. */
  async prepareText(): Promise<void> {
    await this.textIndex();
  }

  private textIndex(): Promise<MiniSearch<CatalogMovie>> {
    this.index ??= (async () => {
      const index = new MiniSearch<CatalogMovie>({
        fields: ['title', 'alternateTitles', 'tags', 'directors', 'cast'],
        extractField: (film, field) => {
          const value = film[field as keyof CatalogMovie];
          // The id field too passes through here: it must stay a number.
          return Array.isArray(value) ? value.join(' ') : (value as string);
        },
        processTerm: (term) => foldName(term) || null,
        searchOptions: {
          prefix: true,
          // Typo tolerance grows with the word: none up to 3 letters, then 1 edit, and 2 from 5
          // letters on (a swapped pair, "stroy", is two edits).
          fuzzy: (term) => (term.length < 4 ? false : term.length < 5 ? 1 : 2),
          boost: { title: 3, alternateTitles: 2, directors: 2 },
          combineWith: 'AND',
        },
      });
      // In chunks, yielding between them, so that queries without words are answered meanwhile.
      await index.addAllAsync(this.films, { chunkSize: 500 });
      return index;
    })();
    return this.index;
  }

  /** Ids of the films that match `query`, in its order. */
  async run(query: CatalogQuery, ratedIds: ReadonlySet<number>): Promise<number[]> {
    if (!query.text) {
      // Without a text the order does not depend on the query: filter a list sorted once.
      return this.sortedBy(query.sort)
        .filter((film) => matchesFilters(film, query, ratedIds))
        .map((film) => film.id);
    }
    const relevance = new Map<number, number>();
    const candidates: CatalogMovie[] = [];
    for (const hit of (await this.textIndex()).search(query.text)) {
      const film = this.byId.get(hit.id as number);
      if (!film) continue;
      // A well-known film outranks an obscure one with a similar title match.
      relevance.set(film.id, hit.score * (1 + Math.log10(1 + film.ratingCount)));
      candidates.push(film);
    }
    return candidates
      .filter((film) => matchesFilters(film, query, ratedIds))
      .sort(compareFilms(query.sort, relevance))
      .map((film) => film.id);
  }

  /** Every film in `sort` order, sorted on first use and kept. */
  private sortedBy(sort: Sort): CatalogMovie[] {
    let sorted = this.sorted.get(sort);
    if (!sorted) {
      sorted = [...this.films].sort(compareFilms(sort, new Map()));
      this.sorted.set(sort, sorted);
    }
    return sorted;
  }

  /** Directors and actors across the catalog, most credited first, for the person filter. */
  topPeople(limit: number): string[] {
    return this.remembered(`people ${limit}`, () =>
      mostCommon(
        this.films.map((film) => new Set([...(film.directors ?? []), ...(film.cast ?? [])])),
        limit,
      ),
    );
  }

  /** Tags across the catalog, most used first, for the tag filter's suggestions. */
  topTags(limit: number): string[] {
    return this.remembered(`tags ${limit}`, () =>
      mostCommon(
        this.films.map((film) => film.tags),
        limit,
      ),
    );
  }

  private readonly counted = new Map<string, string[]>();

  /** Counted over every film once, and kept: Browse asks each time it opens. */
  private remembered(key: string, count: () => string[]): string[] {
    let values = this.counted.get(key);
    if (!values) {
      values = count();
      this.counted.set(key, values);
    }
    return values;
  }
}

/** The `limit` values found in most lists, ties in alphabetical order. */
function mostCommon(lists: Iterable<Iterable<string>>, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const list of lists)
    for (const value of list) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([value]) => value);
}
