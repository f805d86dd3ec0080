import { describe, expect, it } from 'vitest';
import { communityGenreCounts } from '$lib/taste/stats';
import { catalogColumns, factsOf, genresAndCounts } from './catalog-columns';
import { film } from './test-films';

describe('catalog columns', () => {
  it('give back each film’s year and genres, in the order asked, and nothing for a stranger', () => {
    const films = [
      film(10, 'A', { year: 1999, genres: ['Comedy', 'Drama'] }),
      film(20, 'B', { year: null, genres: [] }),
      film(30, 'C', { year: 2010, genres: ['Drama', 'Sci-Fi', 'Comedy'] }),
    ];
    const columns = catalogColumns(films);
    const asked = [...films].reverse().map((film) => film.id);
    expect(factsOf(columns, [...asked, -1])).toEqual([
      ...[...films].reverse().map((film) => ({ year: film.year ?? null, genres: film.genres })),
      { year: null, genres: [] },
    ]);
  });

  it('count everyone’s ratings per genre as the films themselves do', () => {
    const films = [
      film(10, 'A', { genres: ['Comedy', 'Drama'], ratingCount: 7 }),
      film(20, 'B', { genres: [], ratingCount: 3 }),
      film(30, 'C', { genres: ['Drama'], ratingCount: 5 }),
    ];
    const fromColumns = communityGenreCounts(genresAndCounts(catalogColumns(films)));
    expect(fromColumns).toEqual(communityGenreCounts(films));
    expect(fromColumns).toEqual(
      new Map([
        ['Comedy', 7],
        ['Drama', 12],
      ]),
    );
  });
});
