import { describe, expect, it } from 'vitest';
import { readExport } from './read-export';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('IMDb export', () => {
  it('reads ratings (1-10 halved), localised types, ids without tt and series years', () => {
    const csv = [
      '\uFEFFConst,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors',
      'tt0113277,9,2024-01-05,Heat,Heat,https://www.imdb.com/title/tt0113277/,Film,8.3,170,1995,"Crime, Drama",700000,1995-12-15,Michael Mann',
      '0211915,7,2024-01-06,Amelie,Le fabuleux destin d\'Amélie Poulain,https://www.imdb.com/title/tt0211915/,movie,8.3,122,2001,"Comedy, Romance",800000,2001-04-25,Jean-Pierre Jeunet',
      'tt0903747,10,2024-01-07,Breaking Bad,Breaking Bad,https://www.imdb.com/title/tt0903747/,TV Series,9.5,49,2008–2013,Drama,2000000,2008-01-20,',
      'nonsense,5,2024-01-08,What,What,,movie,1,1,2000,,1,,',
    ].join('\r\n');
    const result = readExport([{ name: 'ratings.csv', bytes: bytes(csv) }]);
    if (!result.ok) throw new Error(result.error.message);
    const { service, records, problems, scaleNote } = result.value;
    expect(service).toBe('imdb');
    expect(scaleNote).toContain('halved');
    expect(
      records.map((r) => [
        r.kind,
        r.film.imdbId,
        r.film.year,
        r.film.kind,
        r.kind === 'rating' && r.rating,
      ]),
    ).toEqual([
      ['rating', 'tt0113277', 1995, 'film', 4.5],
      ['rating', 'tt0211915', 2001, 'movie', 3.5],
      ['rating', 'tt0903747', 2008, 'tv series', 5],
    ]);
    expect(records[1]!.film.otherTitles).toEqual(["Le fabuleux destin d'Amélie Poulain"]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 5, message: expect.stringContaining('IMDb id') }),
    ]);
  });

  it('reads the watchlist export', () => {
    const csv = [
      'Position,Const,Created,Modified,Description,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors',
      '1,tt0078748,2024-02-02,2024-02-02,,Alien,Alien,https://www.imdb.com/title/tt0078748/,Movie,8.5,117,1979,Horror,900000,1979-05-25,Ridley Scott',
    ].join('\n');
    const result = readExport([{ name: 'watchlist.csv', bytes: bytes(csv) }]);
    expect(result.ok && result.value.records).toEqual([
      expect.objectContaining({
        kind: 'watchlist',
        addedAt: '2024-02-02T12:00:00.000Z',
        film: expect.objectContaining({ imdbId: 'tt0078748' }),
      }),
    ]);
  });
});
