// Runs in browser and worker. What the browse page asks of the catalog, and how films match it
// (its URL form is catalog-query-url.ts, so that the worker never loads zod).
import type { CatalogMovie } from '@filmfold/model';

export const SORTS = {
  relevance: 'Best match',
  popular: 'Most rated',
  rating: 'Highest rated',
  newest: 'Newest',
  oldest: 'Oldest',
  title: 'Title A-Z',
} as const;
export type Sort = keyof typeof SORTS;

export interface CatalogQuery {
  text: string;
  /** A film must have every one of these genres. */
  genres: string[];
  yearFrom: number | null;
  yearTo: number | null;
  /** Least community mean rating, in stars. */
  minRating: number | null;
  /** Least number of community ratings (popularity). */
  minRatings: number | null;
  /** A film must carry every one of these tags. */
  tags: string[];
  /** Every one of these people must have directed or acted in the film. */
  people: string[];
  isUnratedOnly: boolean;
  sort: Sort;
}

export const EMPTY_QUERY: CatalogQuery = {
  text: '',
  genres: [],
  yearFrom: null,
  yearTo: null,
  minRating: null,
  minRatings: null,
  tags: [],
  people: [],
  isUnratedOnly: false,
  sort: 'popular',
};

/** How many filters narrow the list (the words searched for and the order are not filters). */
export function activeFilterCount(query: CatalogQuery): number {
  const set = [query.yearFrom, query.yearTo, query.minRating, query.minRatings];
  return (
    query.genres.length +
    query.tags.length +
    query.people.length +
    set.filter((value) => value !== null).length +
    (query.isUnratedOnly ? 1 : 0)
  );
}

/** Whether a film passes every filter of `query` (the text search is applied separately). */
export function matchesFilters(
  film: CatalogMovie,
  query: CatalogQuery,
  ratedIds: ReadonlySet<number>,
): boolean {
  if (query.genres.some((genre) => !film.genres.includes(genre))) return false;
  if (query.yearFrom !== null && (film.year === null || film.year < query.yearFrom)) return false;
  if (query.yearTo !== null && (film.year === null || film.year > query.yearTo)) return false;
  if (query.minRating !== null && (film.meanRating ?? 0) < query.minRating) return false;
  if (query.minRatings !== null && film.ratingCount < query.minRatings) return false;
  if (query.tags.some((tag) => !film.tags.includes(tag))) return false;
  if (query.people.length > 0) {
    const credited = creditsOf(film);
    if (foldedOnce(query.people).some((person) => !credited.has(person))) return false;
  }
  if (query.isUnratedOnly && ratedIds.has(film.id)) return false;
  return true;
}

/** A name compared without case or accents: "Pedro Almodovar" is "Pedro Almodóvar". */
export const foldName = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

// Folded once per film and once per query: the person filter runs over every film.
const folded = new WeakMap<object, Set<string> | string[]>();
function creditsOf(film: CatalogMovie): Set<string> {
  let names = folded.get(film) as Set<string> | undefined;
  if (!names) {
    names = new Set([...(film.directors ?? []), ...(film.cast ?? [])].map(foldName));
    folded.set(film, names);
  }
  return names;
}
function foldedOnce(people: string[]): string[] {
  let names = folded.get(people) as string[] | undefined;
  if (!names) folded.set(people, (names = people.map(foldName)));
  return names;
}

// One collator for every comparison: String.prototype.localeCompare builds one per call.
const titleOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Orders films for `sort`; ties fall to the more rated film, then the lower id. */
export function compareFilms(
  sort: Sort,
  relevance: ReadonlyMap<number, number>,
): (a: CatalogMovie, b: CatalogMovie) => number {
  const byPopularity = (a: CatalogMovie, b: CatalogMovie) =>
    b.ratingCount - a.ratingCount || a.id - b.id;
  switch (sort) {
    case 'relevance':
      return (a, b) =>
        (relevance.get(b.id) ?? 0) - (relevance.get(a.id) ?? 0) || byPopularity(a, b);
    case 'popular':
      return byPopularity;
    case 'rating':
      return (a, b) => (b.meanRating ?? 0) - (a.meanRating ?? 0) || byPopularity(a, b);
    case 'newest':
      return (a, b) => (b.year ?? 0) - (a.year ?? 0) || byPopularity(a, b);
    case 'oldest':
      return (a, b) => (a.year ?? 9999) - (b.year ?? 9999) || byPopularity(a, b);
    case 'title':
      return (a, b) => titleOrder.compare(a.title, b.title) || byPopularity(a, b);
  }
}
