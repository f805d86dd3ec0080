// Runs in Node. Starts the enrichment job in the background once a catalog is published and TMDB
// is configured, and says how far it got (for /api/health). SIGTERM stops it after the film in
// progress; the next start continues from there.
import type { Database } from '../db/database';
import type { MetadataProviders } from '../providers/providers';
import { enrichCatalog } from './enrichment';
import { catalogLinks } from './catalog-links';

export interface EnrichmentProgress {
  /** publishing: the job found new details and a catalog carrying them is being published. */
  state: 'idle' | 'running' | 'publishing' | 'finished' | 'unconfigured';
  done: number;
  total: number;
}

/** After this many films in one run, their details are published without waiting for the rest. */
export const EARLY_PUBLISH_AFTER = 1000;

/**
 * Runs the job once, most-rated films first. When it enriched any film, `publish` is called (a
 * retraining, whose catalog and content features carry the new details) before the state says
 * finished; a long run also publishes once after `earlyPublishAfter` films, so that the films
 * people look at most get their posters within minutes rather than at the end.
 */
export function startEnrichment(
  database: Database,
  providers: MetadataProviders,
  log: (line: string) => void,
  publish: () => Promise<void> = async () => {},
  earlyPublishAfter = EARLY_PUBLISH_AFTER,
) {
  const stop = new AbortController();
  let progress: EnrichmentProgress = {
    state: providers.tmdb.health().state === 'unconfigured' ? 'unconfigured' : 'idle',
    done: 0,
    total: 0,
  };
  let lastLogged = -1;
  const finished =
    progress.state === 'unconfigured'
      ? Promise.resolve()
      : (async () => {
          const films = [...((await catalogLinks(database))?.films ?? [])].sort(
            (a, b) => b.ratingCount - a.ratingCount || a.movieId - b.movieId,
          );
          progress = { state: 'running', done: 0, total: films.length };
          let doneBefore: number | null = null;
          let early: Promise<void> | null = null;
          const report = await enrichCatalog(database, providers.tmdb, {
            films,
            signal: stop.signal,
            onProgress: (done, total) => {
              progress = { state: 'running', done, total };
              doneBefore ??= done;
              if (!early && done - doneBefore >= earlyPublishAfter && done < total) {
                log(
                  `Film details for ${done - doneBefore} films: publishing them before the rest.`,
                );
                early = publish();
              }
              const percent = total ? Math.floor((done / total) * 100) : 100;
              if (percent >= lastLogged + 10) {
                lastLogged = percent;
                log(`Film details from TMDB: ${done} of ${total} (${percent}%)`);
              }
            },
          });
          // The early publication reads the database too: let it finish before the final one.
          await early;
          if (report.failed > 0)
            log(`Film details: ${report.failed} films left for the next run (TMDB unavailable).`);
          if (stop.signal.aborted) {
            progress = { ...progress, state: 'idle' };
            return;
          }
          if (report.enriched > 0) {
            progress = { ...progress, state: 'publishing' };
            log(
              `Film details for ${report.enriched} films: publishing a catalog that carries them.`,
            );
            await publish();
          }
          progress = { ...progress, state: 'finished' };
        })().catch((err: unknown) => {
          progress = { ...progress, state: 'idle' };
          log(`Film details stopped: ${err instanceof Error ? err.message : String(err)}`);
        });
  return {
    progress: () => progress,
    /** Stops after the film in progress and resolves when the job has let go of the database. */
    stop: async () => {
      stop.abort();
      await finished;
    },
  };
}
