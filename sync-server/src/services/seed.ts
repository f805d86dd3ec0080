// Runs in Node. Reads the MovieLens release the shared model starts from.
import { openMovieLens, readMovies, readRatings, readTags } from '@filmfold/datasets';
import type { SeedData } from './publishing';

export interface SeedSource {
  /** A local MovieLens folder or zip; absent downloads `archive` into `cacheDir`, verified. */
  path?: string;
  archive: string;
  cacheDir: string;
  onProgress?: (message: string) => void;
}

export async function loadSeed(source: SeedSource): Promise<SeedData> {
  const say = source.onProgress ?? (() => {});
  let lastPercent = -10;
  const files = await openMovieLens({
    path: source.path,
    archive: source.archive,
    env: { FILMFOLD_CACHE_DIR: source.cacheDir },
    localCopyHint:
      'Set MOVIELENS=<folder or zip> to use a copy you have, then restart or run `npm run retrain -w sync-server`.',
    onDownloadProgress: (done, total) => {
      const percent = total ? Math.floor((done / total) * 100) : 0;
      if (percent >= lastPercent + 10) {
        lastPercent = percent;
        say(`Downloading MovieLens ${source.archive}: ${percent}%`);
      }
    },
  });
  try {
    say(`Reading MovieLens from ${files.location} …`);
    const [movies, ratings, tags] = [
      await readMovies(files),
      await readRatings(files),
      await readTags(files),
    ];
    say(`${movies.length} films, ${ratings.length} ratings, ${tags.length} tags.`);
    return {
      source: source.path ? 'MovieLens (local copy)' : `MovieLens ${source.archive}`,
      movies,
      ratings,
      tags,
    };
  } finally {
    await files.close();
  }
}
