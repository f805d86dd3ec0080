import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY } from './catalog-query';
import { CatalogSearch } from './catalog-search';
import { film } from './test-films';

const films = [
  film(1, 'Toy Story', {
    year: 1995,
    genres: ['Animation', 'Children'],
    ratingCount: 215,
    meanRating: 3.92,
    tags: ['pixar'],
    directors: ['John Lasseter'],
    cast: ['Tom Hanks', 'Tim Allen'],
  }),
  film(3114, 'Toy Story 2', {
    year: 1999,
    genres: ['Animation', 'Children'],
    ratingCount: 97,
    meanRating: 3.86,
    tags: ['pixar'],
    directors: ['John Lasseter', 'Ash Brannon'],
    cast: ['Tom Hanks', 'Tim Allen'],
  }),
  film(78499, 'Toy Story 3', {
    year: 2010,
    genres: ['Animation', 'Children'],
    ratingCount: 55,
    meanRating: 4.11,
  }),
  film(5000, 'Story of a Toy Soldier', { year: 1960, genres: ['Drama'], ratingCount: 1 }),
  film(4973, 'Amélie', {
    alternateTitles: ['Le Fabuleux destin d’Amélie Poulain'],
    year: 2001,
    genres: ['Comedy', 'Romance'],
    ratingCount: 120,
  }),
  film(79132, 'Inception', {
    year: 2010,
    genres: ['Action', 'Sci-Fi'],
    tags: ['mind-bending', 'dreams'],
    ratingCount: 143,
    directors: ['Christopher Nolan'],
    cast: ['Leonardo DiCaprio', 'Tom Hardy'],
  }),
];
const search = new CatalogSearch(films);
const none = new Set<number>();
const find = (text: string) => search.run({ ...EMPTY_QUERY, text, sort: 'relevance' }, none);

describe('CatalogSearch', () => {
  it('finds every word, best-known match first', async () => {
    expect(await find('toy story')).toEqual([1, 3114, 78499, 5000]);
  });

  it('forgives typos and finds words by their start', async () => {
    expect((await find('toy stroy')).slice(0, 3)).toEqual([1, 3114, 78499]);
    expect(await find('incep')).toEqual([79132]);
    expect(await find('inceptoin')).toEqual([79132]);
  });

  it('searches alternate titles and tags, without accents', async () => {
    expect(await find('amelie')).toEqual([4973]);
    expect(await find('fabuleux destin')).toEqual([4973]);
    expect(await find('dreams')).toEqual([79132]);
  });

  it('applies filters and sorts to the matches', async () => {
    const query = {
      ...EMPTY_QUERY,
      text: 'toy story',
      genres: ['Animation'],
      yearFrom: 1996,
      sort: 'newest' as const,
    };
    expect(await search.run(query, none)).toEqual([78499, 3114]);
    expect(await search.run({ ...EMPTY_QUERY, isUnratedOnly: true }, new Set([1, 79132]))).toEqual([
      4973, 3114, 78499, 5000,
    ]);
  });

  it('lists the catalog by popularity without a text, before its text index exists', async () => {
    const fresh = new CatalogSearch(films);
    expect(await fresh.run(EMPTY_QUERY, none)).toEqual([1, 79132, 4973, 3114, 78499, 5000]);
  });

  it('suggests the most used tags first', async () => {
    expect(search.topTags(2)).toEqual(['pixar', 'dreams']);
  });

  it("finds films by a director's or an actor's name, and filters by person", async () => {
    expect(await find('christopher nolan')).toEqual([79132]);
    expect(await find('lasseter')).toEqual([1, 3114]);
    expect(await find('tom hanks')).toEqual([1, 3114]);
    const byPerson = (people: string[]) => search.run({ ...EMPTY_QUERY, people }, none);
    expect(await byPerson(['Tom Hanks'])).toEqual([1, 3114]);
    // Every person named must be credited, matched without case or accents.
    expect(await byPerson(['tom hanks', 'Ash Brannon'])).toEqual([3114]);
    expect(await byPerson(['Tom Hardy', 'Tom Hanks'])).toEqual([]);
    expect(search.topPeople(3)).toEqual(['John Lasseter', 'Tim Allen', 'Tom Hanks']);
  });
});
