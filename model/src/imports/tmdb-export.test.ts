import { describe, expect, it } from 'vitest';
import { readExport } from './read-export';

describe('TMDB export', () => {
  it('reads film ratings on the 10-point scale to the nearest half star, and skips TV', () => {
    const csv = [
      'TMDb ID,IMDb ID,Type,Name,Release Date,Season Number,Episode Number,Rating,Your Rating,Date Rated',
      '949,tt0113277,movie,Heat,1995-12-15,,,7.9,7.5,2024-01-05T10:00:00Z',
      '1396,tt0903747,tv,Breaking Bad,2008-01-20,,,8.9,10,2024-01-06T10:00:00Z',
      '550,,movie,Fight Club,1999-10-15,,,8.4,6,2024-01-07T10:00:00Z',
    ].join('\n');
    const result = readExport([{ name: 'tmdb-ratings.csv', bytes: new TextEncoder().encode(csv) }]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.service).toBe('tmdb');
    expect(
      result.value.records.map((r) => [
        r.film.tmdbId,
        r.film.imdbId,
        r.film.year,
        r.kind === 'rating' && r.rating,
      ]),
    ).toEqual([
      [949, 'tt0113277', 1995, 4],
      [550, null, 1999, 3],
    ]);
  });
});
