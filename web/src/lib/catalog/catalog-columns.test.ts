import { describe, expect, it } from 'vitest';
import { catalogColumns, factsOf } from './catalog-columns';
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
});
