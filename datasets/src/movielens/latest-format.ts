// Runs in Node. ml-latest, ml-latest-small, ml-25m and ml-32m: ratings.csv, movies.csv, links.csv, tags.csv.
import {
  type UserTag,
  type Movie,
  type MovieTag,
  movieSchema,
  movieTagSchema,
  parseWith,
  type RatingTable,
} from '@filmfold/model';
import type { z } from 'zod';
import { ParseError } from '../errors';
import { columnsOf, csvRows, forEachCsvRecord } from './csv-rows';
import type { DatasetFiles } from './dataset-files';
import { RatingBatcher } from './ratings-batch';
import { parseMovieLensTitle } from './title';

const CSV = { delimiter: ',', isQuoted: true, encoding: 'utf8' } as const;
const NO_GENRES = '(no genres listed)';

/** Streams ratings.csv in batches of typed columns; memory stays bounded by the batch size. */
export async function* streamLatestRatings(
  files: DatasetFiles,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<RatingTable> {
  const file = 'ratings.csv';
  const rows = csvRows(await files.open(file), file, { ...CSV, onBytes });
  const batcher = new RatingBatcher(file);
  let columns: Record<'userId' | 'movieId' | 'rating' | 'timestamp', number> | undefined;
  for await (const chunk of rows) {
    for (const { fields: f, line } of chunk) {
      if (!columns) {
        columns = columnsOf({ fields: f, line }, file, [
          'userId',
          'movieId',
          'rating',
          'timestamp',
        ]);
        continue;
      }
      batcher.push(
        line,
        f[columns.userId],
        f[columns.movieId],
        f[columns.rating],
        f[columns.timestamp],
      );
      if (batcher.isFull) yield batcher.take();
    }
  }
  if (!batcher.isEmpty) yield batcher.take();
}

/** Reads movies.csv, with IMDb and TMDB ids from links.csv where it is present. */
export async function readLatestMovies(files: DatasetFiles): Promise<Movie[]> {
  const links = files.has('links.csv') ? await readLinks(files) : new Map<number, Links>();
  const file = 'movies.csv';
  const movies: Movie[] = [];
  await forEachCsvRecord(
    await files.open(file),
    file,
    CSV,
    ['movieId', 'title', 'genres'],
    (get, line) => {
      const id = Number(get('movieId'));
      const genres = get('genres');
      const link = links.get(id);
      movies.push(
        parseRow(file, line, movieSchema, {
          id,
          ...parseMovieLensTitle(get('title')),
          genres: genres === NO_GENRES || genres === '' ? [] : genres.split('|'),
          imdbId: link?.imdbId ?? null,
          tmdbId: link?.tmdbId ?? null,
        }),
      );
    },
  );
  return movies;
}

interface Links {
  imdbId: string | null;
  tmdbId: number | null;
}

async function readLinks(files: DatasetFiles): Promise<Map<number, Links>> {
  const file = 'links.csv';
  const links = new Map<number, Links>();
  await forEachCsvRecord(
    await files.open(file),
    file,
    CSV,
    ['movieId', 'imdbId', 'tmdbId'],
    (get) => {
      const imdb = get('imdbId').trim();
      const tmdb = get('tmdbId').trim();
      links.set(Number(get('movieId')), {
        imdbId: imdb === '' ? null : `tt${imdb.padStart(7, '0')}`,
        tmdbId: tmdb === '' ? null : Number(tmdb),
      });
    },
  );
  return links;
}

/** Reads tags.csv (absent in some releases: then no tags). */
export async function readLatestTags(files: DatasetFiles): Promise<MovieTag[]> {
  const file = 'tags.csv';
  if (!files.has(file)) return [];
  const tags: MovieTag[] = [];
  await forEachCsvRecord(
    await files.open(file),
    file,
    CSV,
    ['movieId', 'tag', 'timestamp'],
    (get, line) => {
      tags.push(
        parseRow(file, line, movieTagSchema, {
          movieId: Number(get('movieId')),
          tag: get('tag'),
          taggedAt: isoFromSeconds(get('timestamp')),
        }),
      );
    },
  );
  return tags;
}

/** Tags with who applied them, for the evaluation (which leaves out tags on held-out ratings). */
export async function readLatestUserTags(files: DatasetFiles): Promise<UserTag[]> {
  const file = 'tags.csv';
  if (!files.has(file)) return [];
  const tags: UserTag[] = [];
  await forEachCsvRecord(await files.open(file), file, CSV, ['userId', 'movieId', 'tag'], (get) => {
    const tag = get('tag').trim();
    if (tag) tags.push({ userId: Number(get('userId')), movieId: Number(get('movieId')), tag });
  });
  return tags;
}

/** Seconds since 1970 as an ISO instant; garbage stays garbage so that the schema names it. */
export function isoFromSeconds(text: string | undefined): string {
  const seconds = Number(text);
  return Number.isInteger(seconds) && text !== ''
    ? new Date(seconds * 1000).toISOString()
    : String(text);
}

/** Validates one row with a model schema, or throws a ParseError naming file, line and problem. */
export function parseRow<S extends z.ZodType>(
  file: string,
  line: number,
  schema: S,
  value: unknown,
): z.output<S> {
  const parsed = parseWith(schema, value);
  if (!parsed.ok) throw new ParseError(file, line, parsed.error.replace(/\n\s*/g, ' '));
  return parsed.value;
}
