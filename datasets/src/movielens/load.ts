// Runs in Node. One entry point over every MovieLens format.
import {
  type Movie,
  type MovieTag,
  type RatingTable,
  RatingTableBuilder,
  type UserTag,
} from '@filmfold/model';
import { CorruptArchiveError } from '../errors';
import type { DatasetFiles } from './dataset-files';
import {
  readLatestMovies,
  readLatestTags,
  readLatestUserTags,
  streamLatestRatings,
} from './latest-format';
import { readMl100kMovies, streamMl100kRatings } from './ml100k-format';

export type MovieLensFormat = 'latest' | 'ml-100k';

/** Progress of a long read, in bytes of the ratings file. */
export type ByteProgress = (done: number, total: number) => void;

/** Which format the files are in: ml-latest style CSVs, or ml-100k's u.data and u.item. */
export function detectFormat(files: DatasetFiles): MovieLensFormat {
  if (files.has('ratings.csv') && files.has('movies.csv')) return 'latest';
  if (files.has('u.data') && files.has('u.item')) return 'ml-100k';
  throw new CorruptArchiveError(
    `${files.location} holds no MovieLens release: expected ratings.csv and movies.csv (ml-latest, ml-25m, ml-32m) or u.data and u.item (ml-100k).`,
  );
}

/** Streams every rating in batches of typed columns (bounded memory, for imports of any size). */
export function streamRatings(
  files: DatasetFiles,
  onProgress?: ByteProgress,
): AsyncGenerator<RatingTable> {
  const format = detectFormat(files);
  const file = files.file(format === 'latest' ? 'ratings.csv' : 'u.data');
  let done = 0;
  const onBytes = onProgress
    ? (bytes: number) => {
        done += bytes;
        onProgress(done, file.bytes);
      }
    : undefined;
  return format === 'latest'
    ? streamLatestRatings(files, onBytes)
    : streamMl100kRatings(files, onBytes);
}

/** Reads every rating into one table (16 bytes a rating). */
export async function readRatings(
  files: DatasetFiles,
  onProgress?: ByteProgress,
): Promise<RatingTable> {
  const builder = new RatingTableBuilder(1 << 16);
  for await (const batch of streamRatings(files, onProgress)) builder.append(batch);
  return builder.build();
}

export async function readMovies(files: DatasetFiles): Promise<Movie[]> {
  return detectFormat(files) === 'latest' ? readLatestMovies(files) : readMl100kMovies(files);
}

/** Tags with their authors' ids; ml-100k has none. */
export async function readUserTags(files: DatasetFiles): Promise<UserTag[]> {
  return detectFormat(files) === 'latest' ? readLatestUserTags(files) : [];
}

/** Free-text tags; ml-100k has none. */
export async function readTags(files: DatasetFiles): Promise<MovieTag[]> {
  return detectFormat(files) === 'latest' ? readLatestTags(files) : [];
}
