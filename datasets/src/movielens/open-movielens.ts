// Runs in Node. Where MovieLens comes from: a path given, FILMFOLD_MOVIELENS, or the verified download.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DatasetError, DownloadError } from '../errors';
import { KNOWN_ARCHIVES } from './archives';
import { type DatasetFiles, openDatasetFiles } from './dataset-files';
import { fetchArchive } from './fetch-archive';

export interface OpenMovieLensOptions {
  /** A local folder or zip given on the command line; wins over everything else. */
  path?: string;
  /** Environment: FILMFOLD_MOVIELENS (a local copy), FILMFOLD_CACHE_DIR (where downloads go). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Which official archive to download when there is no local copy. */
  archive?: string;
  onDownloadProgress?: (done: number, total: number) => void;
  fetchImpl?: typeof fetch;
  /** What to tell a person who is offline about using a local copy (each tool names its own flag). */
  localCopyHint?: string;
}

const CLI_HINT =
  'To use a copy you already have, pass its folder or zip (--data <path>) or set FILMFOLD_MOVIELENS=<path>.';

/** Default folder for downloads: FILMFOLD_CACHE_DIR, else ~/.cache/filmfold. */
export function cacheDirOf(env: Readonly<Record<string, string | undefined>>): string {
  return (
    env.FILMFOLD_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'filmfold')
  );
}

/**
 * Opens MovieLens from a local copy when one is named, else from the official archive,
 * downloaded once into the cache and verified by checksum.
 */
export async function openMovieLens(options: OpenMovieLensOptions = {}): Promise<DatasetFiles> {
  const env = options.env ?? process.env;
  const local = options.path ?? env.FILMFOLD_MOVIELENS;
  if (local) return openDatasetFiles(local);

  const name = options.archive ?? 'ml-latest-small';
  const archive = KNOWN_ARCHIVES[name];
  if (!archive) {
    throw new DatasetError(
      `Unknown MovieLens archive "${name}". Known: ${Object.keys(KNOWN_ARCHIVES).join(', ')}.`,
    );
  }
  try {
    const path = await fetchArchive(archive, {
      cacheDir: cacheDirOf(env),
      onProgress: options.onDownloadProgress,
      fetchImpl: options.fetchImpl,
    });
    return await openDatasetFiles(path);
  } catch (err) {
    if (err instanceof DownloadError) {
      throw new DownloadError(`${err.message}\n${options.localCopyHint ?? CLI_HINT}`, {
        cause: err,
      });
    }
    throw err;
  }
}
