// Runs in Node. The published catalog's films with their TMDB and IMDb ids, read once per catalog
// version: the enrichment job walks them, the film routes look ids up both ways.
import { gunzipSync } from 'node:zlib';
import { catalogSchema } from '@filmfold/model';
import type { Database } from '../db/database';
import { latestManifest, readArtifact } from './publishing';

export interface FilmLink {
  movieId: number;
  tmdbId: number | null;
  imdbId: string | null;
  /** Community ratings: the enrichment job starts with the most-rated films. */
  ratingCount: number;
}

export interface CatalogLinks {
  version: string;
  films: readonly FilmLink[];
  byMovieId: ReadonlyMap<number, FilmLink>;
  byTmdbId: ReadonlyMap<number, FilmLink>;
}

let memo: CatalogLinks | null = null;

/** The current catalog's links, or null before the first training. */
export async function catalogLinks(database: Database): Promise<CatalogLinks | null> {
  const manifest = await latestManifest(database);
  if (!manifest) return null;
  if (memo?.version === manifest.catalog.version) return memo;
  const artifact = await readArtifact(database, 'catalog', manifest.catalog.version);
  if (!artifact) return null;
  const catalog = catalogSchema.parse(JSON.parse(gunzipSync(artifact.bytes).toString('utf8')));
  const films = catalog.movies.map((m) => ({
    movieId: m.id,
    tmdbId: m.tmdbId,
    imdbId: m.imdbId,
    ratingCount: m.ratingCount,
  }));
  memo = {
    version: manifest.catalog.version,
    films,
    byMovieId: new Map(films.map((f) => [f.movieId, f])),
    byTmdbId: new Map(films.filter((f) => f.tmdbId !== null).map((f) => [f.tmdbId!, f])),
  };
  return memo;
}
