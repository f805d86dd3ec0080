import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  type CatalogQuery,
  EMPTY_QUERY,
  matchesFilters,
  SORTS,
  type Sort,
} from './catalog-query';
import { queryFromParams, queryToParams } from './catalog-query-url';
import { film } from './test-films';

const queryArb: fc.Arbitrary<CatalogQuery> = fc.record({
  text: fc.string({ maxLength: 30 }).map((s) => s.trim()),
  genres: fc.uniqueArray(fc.constantFrom('Drama', 'Comedy', 'Sci-Fi', 'Film-Noir')),
  yearFrom: fc.option(fc.integer({ min: 1870, max: 2100 }), { nil: null }),
  yearTo: fc.option(fc.integer({ min: 1870, max: 2100 }), { nil: null }),
  minRating: fc.option(fc.constantFrom(0.5, 3, 3.5, 4.5), { nil: null }),
  minRatings: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
  tags: fc.uniqueArray(fc.constantFrom('mind-bending', 'dark comedy', 'sci-fi & fantasy')),
  people: fc.uniqueArray(fc.constantFrom('Agnès Varda', 'Christopher Nolan', 'Bong Joon Ho')),
  isUnratedOnly: fc.boolean(),
  sort: fc.constantFrom(...(Object.keys(SORTS) as Sort[])),
});

describe('catalog queries in the URL', () => {
  it('survive a round trip through the URL unchanged', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const url = new URL(`https://filmfold.example/?${queryToParams(query).toString()}`);
        expect(queryFromParams(url.searchParams)).toEqual(query);
      }),
    );
  });

  it('leave out defaults, so an empty query is a bare address', () => {
    expect(queryToParams(EMPTY_QUERY).toString()).toBe('');
    expect(queryToParams({ ...EMPTY_QUERY, text: 'alien', sort: 'relevance' }).toString()).toBe(
      'q=alien',
    );
  });

  it('drop what they cannot read instead of failing', () => {
    const query = queryFromParams(
      new URLSearchParams('q=heat&year_from=soon&min_rating=9&sort=sideways&unrated=yes'),
    );
    expect(query).toEqual({ ...EMPTY_QUERY, text: 'heat', sort: 'relevance' });
  });
});

describe('matchesFilters', () => {
  const heat = film(6, 'Heat', {
    year: 1995,
    genres: ['Action', 'Crime', 'Thriller'],
    tags: ['heist'],
    ratingCount: 102,
    meanRating: 3.95,
  });
  const rated = new Set<number>();

  it.each<[string, Partial<CatalogQuery>, boolean]>([
    ['no filter', {}, true],
    ['every chosen genre', { genres: ['Crime', 'Thriller'] }, true],
    ['a genre it lacks', { genres: ['Crime', 'Comedy'] }, false],
    ['a year range around it', { yearFrom: 1990, yearTo: 1995 }, true],
    ['a year range after it', { yearFrom: 1996 }, false],
    ['a lower rating bar', { minRating: 3.5 }, true],
    ['a higher rating bar', { minRating: 4 }, false],
    ['popular enough', { minRatings: 100 }, true],
    ['not popular enough', { minRatings: 200 }, false],
    ['its tag', { tags: ['heist'] }, true],
    ['another tag', { tags: ['heist', 'space'] }, false],
  ])('%s', (_label, filters, expected) => {
    expect(matchesFilters(heat, { ...EMPTY_QUERY, ...filters }, rated)).toBe(expected);
  });

  it('hides rated films when asked for unrated ones only, and films without a year from ranges', () => {
    expect(matchesFilters(heat, { ...EMPTY_QUERY, isUnratedOnly: true }, new Set([6]))).toBe(false);
    expect(
      matchesFilters(film(1, 'Undated', { year: null }), { ...EMPTY_QUERY, yearTo: 2020 }, rated),
    ).toBe(false);
  });
});

describe('activeFilterCount', () => {
  it('counts what narrows the list, not the words searched for or the order', () => {
    expect(activeFilterCount(EMPTY_QUERY)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_QUERY, text: 'heat', sort: 'newest' })).toBe(0);
    expect(
      activeFilterCount({
        ...EMPTY_QUERY,
        genres: ['Drama', 'Crime'],
        yearFrom: 1990,
        minRating: 4,
        people: ['Michael Mann'],
        isUnratedOnly: true,
      }),
    ).toBe(6);
  });
});
