import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readExport } from './read-export';

const heat = {
  title: 'Heat',
  year: 1995,
  ids: { trakt: 1, slug: 'heat-1995', imdb: 'tt0113277', tmdb: 949 },
};
const noIds = {
  title: 'Obscure',
  year: 2003,
  ids: { trakt: 9, slug: 'obscure-2003', imdb: null, tmdb: null },
};

describe('Trakt export', () => {
  it('reads plays (later ones as rewatches), 1-10 ratings, the watchlist and lists, skipping episodes', () => {
    const files = {
      'watched-history-1.json': [
        {
          id: 2,
          watched_at: '2024-05-01T20:00:00.000Z',
          action: 'watch',
          type: 'movie',
          movie: heat,
        },
        {
          id: 1,
          watched_at: '2024-01-01T20:00:00.000Z',
          action: 'watch',
          type: 'movie',
          movie: heat,
        },
        {
          id: 3,
          watched_at: '2024-01-02T20:00:00.000Z',
          type: 'episode',
          episode: { season: 1 },
          show: { title: 'X' },
        },
      ],
      'ratings-movies.json': [
        { rated_at: '2024-01-02T10:00:00.000Z', rating: 8, type: 'movie', movie: heat },
        { rated_at: '2024-01-03T10:00:00.000Z', rating: 3, type: 'movie', movie: noIds },
        { rated_at: '2024-01-03T10:00:00.000Z', rating: 42, type: 'movie', movie: noIds },
      ],
      'lists-watchlist.json': [
        { rank: 1, listed_at: '2024-03-01T00:00:00.000Z', type: 'movie', movie: noIds },
      ],
      'lists-date-night.json': [
        { rank: 1, listed_at: '2024-03-01T00:00:00.000Z', type: 'movie', movie: heat },
      ],
      'user-profile.json': { username: 'sam' },
    };
    const zip = zipSync(
      Object.fromEntries(Object.entries(files).map(([n, v]) => [n, strToU8(JSON.stringify(v))])),
    );
    const result = readExport([{ name: 'trakt.zip', bytes: zip }]);
    if (!result.ok) throw new Error(result.error.message);
    const { service, records, problems } = result.value;
    expect(service).toBe('trakt');
    const viewings = records.filter((r) => r.kind === 'viewing');
    expect(viewings.map((v) => [v.watchedOn, v.isRewatch])).toEqual([
      ['2024-01-01', false],
      ['2024-05-01', true],
    ]);
    expect(
      records
        .filter((r) => r.kind === 'rating')
        .map((r) => [r.film.imdbId, r.film.tmdbId, r.rating]),
    ).toEqual([
      ['tt0113277', 949, 4],
      [null, null, 1.5],
    ]);
    expect(records.find((r) => r.kind === 'list-entry')).toMatchObject({
      list: 'date night',
      position: 1,
    });
    expect(records.some((r) => r.kind === 'watchlist' && r.film.title === 'Obscure')).toBe(true);
    expect(problems).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining('42') }),
    ]);
  });

  it('says which file is not JSON', () => {
    const zip = zipSync({ 'ratings-movies.json': strToU8('[{"rating": 8,') });
    const result = readExport([{ name: 'trakt.zip', bytes: zip }]);
    expect(result).toMatchObject({
      ok: false,
      error: { file: 'ratings-movies.json', message: expect.stringContaining('JSON') },
    });
  });
});
