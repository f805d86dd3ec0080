// Runs in the browser. A browse query's URL form: links to a search or a filter show the same list.
import { z } from 'zod';
import { type CatalogQuery, SORTS, type Sort } from './catalog-query';

const number = (min: number, max: number) =>
  z.coerce.number().min(min).max(max).nullable().catch(null);

// Lenient on purpose: a hand-edited or old link drops what it cannot read instead of failing.
const paramsSchema = z.object({
  q: z.string().max(200).catch(''),
  year_from: number(1870, 2100),
  year_to: number(1870, 2100),
  min_rating: number(0.5, 5),
  min_ratings: number(0, 1e9),
  unrated: z.literal('1').nullable().catch(null),
  sort: z
    .enum(Object.keys(SORTS) as [Sort, ...Sort[]])
    .nullable()
    .catch(null),
});

/** Reads a query from the page's URL; anything unreadable is left at its default. */
export function queryFromParams(params: URLSearchParams): CatalogQuery {
  const single = (key: string) => params.get(key);
  const parsed = paramsSchema.parse({
    q: single('q') ?? '',
    year_from: single('year_from'),
    year_to: single('year_to'),
    min_rating: single('min_rating'),
    min_ratings: single('min_ratings'),
    unrated: single('unrated'),
    sort: single('sort'),
  });
  const text = parsed.q.trim();
  return {
    text,
    genres: params.getAll('genre').filter((g) => g.length > 0 && g.length <= 40),
    yearFrom: parsed.year_from,
    yearTo: parsed.year_to,
    minRating: parsed.min_rating,
    minRatings: parsed.min_ratings,
    tags: params.getAll('tag').filter((t) => t.length > 0 && t.length <= 100),
    people: params.getAll('person').filter((p) => p.trim().length > 0 && p.length <= 200),
    isUnratedOnly: parsed.unrated === '1',
    sort: parsed.sort ?? (text ? 'relevance' : 'popular'),
  };
}

/** The URL form of a query, with defaults left out so links stay short. */
export function queryToParams(query: CatalogQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.text) params.set('q', query.text);
  for (const genre of query.genres) params.append('genre', genre);
  if (query.yearFrom !== null) params.set('year_from', String(query.yearFrom));
  if (query.yearTo !== null) params.set('year_to', String(query.yearTo));
  if (query.minRating !== null) params.set('min_rating', String(query.minRating));
  if (query.minRatings !== null) params.set('min_ratings', String(query.minRatings));
  for (const tag of query.tags) params.append('tag', tag);
  for (const person of query.people) params.append('person', person);
  if (query.isUnratedOnly) params.set('unrated', '1');
  const defaultSort = query.text ? 'relevance' : 'popular';
  if (query.sort !== defaultSort) params.set('sort', query.sort);
  return params;
}
