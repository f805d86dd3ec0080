// Runs in Node. The background job that fills the catalog from TMDB (poster, overview, runtime,
// directors, top cast, keywords) at a polite rate, with progress. Each film's row is written when it is
// done, so a restarted job continues where it stopped.
import type { Database } from '../db/database';
import { filmMetadata } from '../db/schema';
import type { TmdbClient } from '../providers/tmdb';

/** Cast members kept per film. */
const TOP_CAST = 8;
/** Keywords kept per film. */
const TOP_KEYWORDS = 20;

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
  /** TMDB refused the key: the job stopped at once (every other film would fail the same way). */
  isKeyRefused?: boolean;
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
      keywords: [] as string[],
      enrichedAt: new Date(),
    };
    if (film.tmdbId !== null) {
      // One request per film (credits and keywords appended); film_metadata is its cache.
      const answer = await tmdb.film(film.tmdbId);
      if (!answer.ok && answer.reason === 'bad-key') {
        report.failed++;
        report.remaining--;
        return { ...report, isKeyRefused: true };
      }
      if (!answer.ok && answer.reason !== 'not-found') {
        // An outage or a bad key: leave the film for the next run rather than store a gap.
        report.failed++;
        report.remaining--;
        continue;
      }
      if (answer.ok) {
        const { credits, keywords } = answer.value;
        row.posterPath = answer.value.poster_path ?? null;
        row.overview = answer.value.overview || null;
        row.runtime = answer.value.runtime || null;
        row.directors = (credits?.crew ?? [])
          .filter((c) => c.job === 'Director')
          .map((c) => c.name);
        row.cast = [...(credits?.cast ?? [])]
          .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
          .slice(0, TOP_CAST)
          .map((c) => c.name);
        row.keywords = (keywords?.keywords ?? []).slice(0, TOP_KEYWORDS).map((k) => k.name);
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
