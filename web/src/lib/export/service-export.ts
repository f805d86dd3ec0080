// Runs in the browser and Node. The person's films in the formats other services import:
// Letterboxd's import CSV (their documented columns: Title, Year, imdbID, tmdbID, WatchedDate,
// Rating, Rewatch) for the diary and ratings, and one for the watchlist; and an IMDb-style
// ratings CSV (1-10). Written with csv-stringify, as the other CSV exports.
import type { CatalogMovie } from '@filmfold/model';
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { PersonalExport } from './personal-data';

type FilmOf = (
  movieId: number,
) => Pick<CatalogMovie, 'title' | 'year' | 'imdbId' | 'tmdbId'> | undefined;

const LETTERBOXD_COLUMNS = [
  'Title',
  'Year',
  'imdbID',
  'tmdbID',
  'WatchedDate',
  'Rating',
  'Rewatch',
];

/**
 * Letterboxd import files: each diary entry with its own stars, then each rating as a row without
 * a date (the film's current stars); the watchlist as its own file.
 */
export function letterboxdCsv(data: PersonalExport, filmOf: FilmOf): Record<string, string> {
  const ids = (movieId: number) => {
    const film = filmOf(movieId);
    return [film?.title ?? '', film?.year ?? '', film?.imdbId ?? '', film?.tmdbId ?? ''];
  };
  const diary = [...data.viewings]
    .sort((a, b) => a.watchedOn.localeCompare(b.watchedOn) || a.id.localeCompare(b.id))
    .map((v) => [...ids(v.movieId), v.watchedOn, v.rating ?? '', v.isRewatch ? 'true' : 'false']);
  const ratings = data.ratings.map((r) => [...ids(r.movieId), '', r.rating, '']);
  return {
    'letterboxd-diary-and-ratings.csv': stringify([...diary, ...ratings], {
      header: true,
      columns: LETTERBOXD_COLUMNS,
    }),
    'letterboxd-watchlist.csv': stringify(
      data.watchlist.map((w) => ids(w.movieId)),
      { header: true, columns: LETTERBOXD_COLUMNS.slice(0, 4) },
    ),
  };
}

/** Ratings as IMDb writes them (films without an IMDb id cannot be named there, so are left out). */
export function imdbCsv(data: PersonalExport, filmOf: FilmOf): { csv: string; leftOut: number } {
  const rows = data.ratings.flatMap((r) => {
    const film = filmOf(r.movieId);
    if (!film?.imdbId) return [];
    return [
      [
        film.imdbId,
        r.rating * 2,
        r.ratedAt.slice(0, 10),
        film.title,
        `https://www.imdb.com/title/${film.imdbId}/`,
        'Movie',
        film.year ?? '',
      ],
    ];
  });
  return {
    csv: stringify(rows, {
      header: true,
      columns: ['Const', 'Your Rating', 'Date Rated', 'Title', 'URL', 'Title Type', 'Year'],
    }),
    leftOut: data.ratings.length - rows.length,
  };
}
