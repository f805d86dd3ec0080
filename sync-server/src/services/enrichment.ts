// Runs in Node. The background job that fills the catalog from TMDB (poster, overview, runtime,
// directors, top cast) at a polite rate, with progress. Each film's row is written when it is
// done, so a restarted job continues where it stopped.
import type { Database } from '../db/database';
import { filmMetadata } from '../db/schema';
import type { TmdbClient } from '../providers/tmdb';
import { CACHE_TTL_MS, cachedFetch } from './provider-cache';

/** Cast members kept per film. */
const TOP_CAST = 8;

export interface EnrichmentOptions {
  /** Films of the catalog, with their TMDB ids (null: nothing to look up). */
  films: readonly { movieId: number; tmdbId: number | null }[];
  onProgress?: (done: number, total: number) => void;
  /** Stops the job after the film in progress. */
  signal?: AbortSignal;
}

export interface EnrichmentReport {
  enriched: number;
  skipped: number;
  failed: number;
  remaining: number;
}

export async function enrichCatalog(
  database: Database,
  tmdb: TmdbClient,
  options: EnrichmentOptions,
): Promise<EnrichmentReport> {
  const done = new Set(
    (await database.db.select({ id: filmMetadata.movieId }).from(filmMetadata)).map((r) => r.id),
  );
  const todo = options.films.filter((film) => !done.has(film.movieId));
  const total = options.films.length;
  let finished = total - todo.length;
  const report = { enriched: 0, skipped: 0, failed: 0, remaining: todo.length };
  options.onProgress?.(finished, total);
  for (const film of todo) {
    if (options.signal?.aborted) break;
    const row = {
      movieId: film.movieId,
      tmdbId: film.tmdbId,
      posterPath: null as string | null,
      overview: null as string | null,
      runtime: null as number | null,
      directors: [] as string[],
      cast: [] as string[],
      enrichedAt: new Date(),
    };
    if (film.tmdbId !== null) {
      const id = film.tmdbId;
      const details = await cachedFetch(database, `tmdb:details:${id}`, CACHE_TTL_MS.details, () =>
        tmdb.details(id),
      );
      const credits = await cachedFetch(database, `tmdb:credits:${id}`, CACHE_TTL_MS.credits, () =>
        tmdb.credits(id),
      );
      if (!details.ok && details.reason !== 'not-found') {
        // An outage or a bad key: leave the film for the next run rather than store a gap.
        report.failed++;
        report.remaining--;
        continue;
      }
      if (details.ok) {
        row.posterPath = details.value.poster_path ?? null;
        row.overview = details.value.overview ?? null;
        row.runtime = details.value.runtime ?? null;
      }
      if (credits.ok) {
        row.directors = credits.value.crew.filter((c) => c.job === 'Director').map((c) => c.name);
        row.cast = [...credits.value.cast]
          .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
          .slice(0, TOP_CAST)
          .map((c) => c.name);
      }
      report.enriched++;
    } else {
      report.skipped++;
    }
    await database.db.insert(filmMetadata).values(row).onConflictDoNothing();
    report.remaining--;
    options.onProgress?.(++finished, total);
  }
  return report;
}
