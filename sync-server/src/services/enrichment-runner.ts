// Runs in Node. Starts the enrichment job in the background once a catalog is published and TMDB
// is configured, and says how far it got (for /api/health). Films TMDB could not answer for (an
// outage, a rate-limit storm) are tried again on a later pass. SIGTERM stops it after the film in
// progress; the next start continues from there.
import type { Database } from '../db/database';
import type { MetadataProviders } from '../providers/providers';
import { catalogLinks } from './catalog-links';
import { enrichCatalog, type EnrichmentReport } from './enrichment';

export interface EnrichmentProgress {
  /**
   * publishing: new details found, a catalog carrying them is being published; waiting: some films
   * failed and another pass comes later.
   */
  state: 'idle' | 'running' | 'publishing' | 'waiting' | 'finished' | 'unconfigured';
  done: number;
  total: number;
}

export interface EnrichmentRunnerOptions {
  /** Retrains and publishes, so that the catalog carries the new details. */
  publish?: () => Promise<void>;
  /** After this many films in one pass, their details are published without waiting for the rest. */
  earlyPublishAfter?: number;
  /** Pause before another pass over the films that failed. */
  retryAfterMs?: number;
}

export const ENRICHMENT_DEFAULTS = {
  earlyPublishAfter: 1000,
  retryAfterMs: 10 * 60_000,
};

/**
 * Runs passes over the catalog, most-rated films first, until every film is done. A pass that
 * enriched any film calls `publish` (a retraining, whose catalog and content features carry the
 * new details); a long pass also publishes once after `earlyPublishAfter` films, so that the films
 * people look at most get their posters within minutes rather than at the end.
 */
export function startEnrichment(
  database: Database,
  providers: MetadataProviders,
  log: (line: string) => void,
  options: EnrichmentRunnerOptions = {},
) {
  const {
    publish = async () => {},
    earlyPublishAfter,
    retryAfterMs,
  } = {
    ...ENRICHMENT_DEFAULTS,
    ...options,
  };
  const stop = new AbortController();
  let progress: EnrichmentProgress = {
    state: providers.tmdb.health().state === 'unconfigured' ? 'unconfigured' : 'idle',
    done: 0,
    total: 0,
  };

  async function pass(): Promise<EnrichmentReport> {
    const films = [...((await catalogLinks(database))?.films ?? [])].sort(
      (a, b) => b.ratingCount - a.ratingCount || a.movieId - b.movieId,
    );
    progress = { state: 'running', done: 0, total: films.length };
    let lastLogged = -1;
    let doneBefore: number | null = null;
    let early: Promise<void> | null = null;
    const report = await enrichCatalog(database, providers.tmdb, {
      films,
      signal: stop.signal,
      onProgress: (done, total) => {
        progress = { state: 'running', done, total };
        doneBefore ??= done;
        if (!early && done - doneBefore >= earlyPublishAfter && done < total) {
          log(`Film details for ${done - doneBefore} films: publishing them before the rest.`);
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
    if (report.enriched > 0 && !stop.signal.aborted) {
      progress = { ...progress, state: 'publishing' };
      log(`Film details for ${report.enriched} films: publishing a catalog that carries them.`);
      await publish();
    }
    return report;
  }

  const finished =
    progress.state === 'unconfigured'
      ? Promise.resolve()
      : (async () => {
          for (;;) {
            const report = await pass();
            if (stop.signal.aborted) break;
            if (report.isKeyRefused) {
              log('Film details stopped: TMDB refused the key. Set a valid TMDB_KEY and restart.');
              break;
            }
            if (report.failed === 0) {
              progress = { ...progress, state: 'finished' };
              return;
            }
            progress = { ...progress, state: 'waiting' };
            log(
              `Film details: ${report.failed} film${report.failed === 1 ? '' : 's'} left (TMDB unavailable); trying again in ${Math.round(retryAfterMs / 60_000) || '<1'} min.`,
            );
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, retryAfterMs);
              stop.signal.addEventListener(
                'abort',
                () => {
                  clearTimeout(timer);
                  resolve();
                },
                { once: true },
              );
            });
            if (stop.signal.aborted) break;
          }
          progress = { ...progress, state: 'idle' };
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
