import { describe, expect, it } from 'vitest';
import type { ImportedFilm } from './import-types';
import { FilmMatcher, type MatchableFilm, normaliseTitle } from './title-match';

const film = (
  id: number,
  title: string,
  year: number | null,
  extra: Partial<MatchableFilm> = {},
) => ({
  id,
  title,
  alternateTitles: [],
  year,
  imdbId: null,
  tmdbId: null,
  ratingCount: 10,
  ...extra,
});
const row = (
  title: string,
  year: number | null,
  extra: Partial<ImportedFilm> = {},
): ImportedFilm => ({
  title,
  otherTitles: [],
  year,
  imdbId: null,
  tmdbId: null,
  link: null,
  kind: null,
  ...extra,
});

const catalog = new FilmMatcher([
  film(1, 'The Matrix', 1999, { imdbId: 'tt0133093', tmdbId: 603 }),
  film(2, 'Amélie', 2001, { alternateTitles: ["Le Fabuleux destin d'Amélie Poulain"] }),
  film(3, 'Star Wars: Episode IV - A New Hope', 1977),
  film(4, 'Rocky II', 1979),
  film(5, 'Hamlet', 1990, { ratingCount: 50 }),
  film(6, 'Hamlet', 1996, { ratingCount: 40 }),
  film(7, 'Hamlet', 2000, { ratingCount: 30 }),
  film(8, 'Crash', 2004, { runtime: 112 }),
  film(9, 'Crash', 2004, { runtime: 12, ratingCount: 1 }),
  film(10, 'Solaris', 1972),
  film(11, 'Solaris', 2002),
  film(12, 'Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb', 1964),
  film(13, 'Love & Other Drugs', 2010),
]);

describe('normaliseTitle', () => {
  it.each([
    ['Matrix, The', 'matrix'],
    ['The Matrix', 'matrix'],
    ['AMÉLIE', 'amelie'],
    ['Rocky II', 'rocky 2'],
    ['Love and Other Drugs', 'love and other drugs'],
    ['Love & Other Drugs', 'love and other drugs'],
    ["Schindler's List", 'schindlers list'],
    ['Ocean’s Eleven', 'oceans eleven'],
  ])('%s → %s', (title, normal) => expect(normaliseTitle(title)).toBe(normal));
});

describe('FilmMatcher', () => {
  it('matches by id first, whatever the title says', () => {
    expect(catalog.match(row('Matrix Reloaded?', 2003, { imdbId: 'tt0133093' }))).toMatchObject({
      movieId: 1,
      how: 'imdb',
      confidence: 1,
    });
    expect(catalog.match(row('x', null, { tmdbId: 603 }))).toMatchObject({
      movieId: 1,
      how: 'tmdb',
    });
  });

  it('matches title and year through articles, accents, alternate titles, numerals and "&"', () => {
    for (const [title, year, id] of [
      ['Matrix, The', 1999, 1],
      ['Amelie', 2001, 2],
      ["Le fabuleux destin d'Amélie Poulain", 2001, 2],
      ['Rocky 2', 1979, 4],
      ['Love and Other Drugs', 2010, 13],
    ] as const) {
      expect(catalog.match(row(title, year)), title).toMatchObject({
        status: 'matched',
        movieId: id,
        how: 'title and year',
      });
    }
  });

  it('allows a year off by one only when no film of that title has the exact year', () => {
    expect(catalog.match(row('The Matrix', 2000))).toMatchObject({
      movieId: 1,
      how: 'year off by one',
    });
    // Hamlet (2000) exists: 1999 and 2001 must not pull in another Hamlet silently.
    expect(catalog.match(row('Hamlet', 2000))).toMatchObject({ movieId: 7, how: 'title and year' });
    expect(catalog.match(row('Hamlet', 1997))).toMatchObject({
      movieId: 6,
      how: 'year off by one',
    });
    expect(catalog.match(row('Solaris', 1985))).toEqual({
      status: 'unmatched',
      reason: '“Solaris” is in the catalog from 1972, 2002, not 1985.',
    });
  });

  it('prefers the feature to the short of one title and year, unless the file says short', () => {
    expect(catalog.match(row('Crash', 2004))).toMatchObject({ status: 'matched', movieId: 8 });
    expect(catalog.match(row('Crash', 2004, { kind: 'short' }))).toMatchObject({
      status: 'matched',
      movieId: 9,
    });
  });

  it('is ambiguous without a year when several films share the title, best known first', () => {
    expect(catalog.match(row('Hamlet', null))).toEqual({
      status: 'ambiguous',
      candidates: [5, 6, 7],
    });
    expect(catalog.match(row('Rocky II', null))).toMatchObject({
      status: 'matched',
      movieId: 4,
      how: 'title',
    });
  });

  it('finds a film by its main title when the file drops the subtitle', () => {
    expect(catalog.match(row('Star Wars', 1977))).toMatchObject({ movieId: 3, how: 'main title' });
    expect(catalog.match(row('Dr. Strangelove', 1964))).toMatchObject({ movieId: 12 });
  });

  it('says why nothing matched', () => {
    expect(catalog.match(row('Paddington', 2014))).toEqual({
      status: 'unmatched',
      reason: 'No film called “Paddington” in the catalog.',
    });
  });
});
