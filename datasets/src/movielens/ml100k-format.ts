// Runs in Node. ml-100k: u.data (tab-separated ratings) and u.item (pipe-separated, Latin-1 films).
import { type Movie, MOVIELENS_GENRES, movieSchema, type RatingTable } from '@filmfold/model';
import { csvRows } from './csv-rows';
import type { DatasetFiles } from './dataset-files';
import { parseRow } from './latest-format';
import { RatingBatcher } from './ratings-batch';
import { parseMovieLensTitle } from './title';

/**
 * u.item's 19 genre flags in u.genre's order: "unknown", then MovieLens' genres in
 * alphabetical order without IMAX (which came later); "Children's" is now "Children".
 */
const ML100K_GENRES = [null, ...MOVIELENS_GENRES.filter((genre) => genre !== 'IMAX')];
const FIRST_GENRE_FIELD = 5;

/** Streams u.data (user, item, rating, timestamp; no header) in batches of typed columns. */
export async function* streamMl100kRatings(
  files: DatasetFiles,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<RatingTable> {
  const file = 'u.data';
  const rows = csvRows(await files.open(file), file, {
    delimiter: '\t',
    isQuoted: false,
    encoding: 'utf8',
    onBytes,
  });
  const batcher = new RatingBatcher(file);
  for await (const chunk of rows) {
    for (const { fields, line } of chunk) {
      batcher.push(line, fields[0], fields[1], fields[2], fields[3]);
      if (batcher.isFull) yield batcher.take();
    }
  }
  if (!batcher.isEmpty) yield batcher.take();
}

/** Reads u.item: id | title | release date | video release date | IMDb URL | 19 genre flags. */
export async function readMl100kMovies(files: DatasetFiles): Promise<Movie[]> {
  const file = 'u.item';
  const movies: Movie[] = [];
  const rows = csvRows(await files.open(file), file, {
    delimiter: '|',
    isQuoted: false,
    encoding: 'latin1',
  });
  for await (const chunk of rows)
    for (const { fields, line } of chunk) {
      const parsed = parseMovieLensTitle(fields[1] ?? '');
      // A few titles lack "(year)": the release date ("01-Jan-1995") still has it.
      const released = /(\d{4})$/.exec(fields[2] ?? '');
      const genres = ML100K_GENRES.filter(
        (genre, k) => genre !== null && fields[FIRST_GENRE_FIELD + k] === '1',
      );
      movies.push(
        parseRow(file, line, movieSchema, {
          id: Number(fields[0]),
          ...parsed,
          year: parsed.year ?? (released ? Number(released[1]) : null),
          genres,
          imdbId: null,
          tmdbId: null,
        }),
      );
    }
  return movies;
}
