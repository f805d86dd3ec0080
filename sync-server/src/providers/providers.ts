// Runs in Node. The metadata providers this server talks to, built from the configuration with
// throttles at the providers' published limits.
import type { Config } from '../config';
import { createOmdbClient, type OmdbClient } from './omdb';
import type { ProviderHealth } from './provider-fetch';
import type { PosterSource } from '../services/posters';
import { createTmdbClient, type TmdbClient } from './tmdb';
import { realClock, TokenBucket } from './token-bucket';

/** OMDb's free key allows 1,000 requests per day. */
const OMDB_RATE = { perSecond: 1000 / 86_400, burst: 10 };

export interface MetadataProviders {
  tmdb: TmdbClient;
  omdb: OmdbClient;
  /** TMDB's image server (no key needed), for the poster proxy. */
  posters: PosterSource;
  health(): { tmdb: ProviderHealth; omdb: ProviderHealth };
}

export function metadataProviders(
  config: Pick<Config, 'TMDB_KEY' | 'TMDB_BASE_URL' | 'OMDB_KEY' | 'OMDB_BASE_URL'> &
    Partial<Pick<Config, 'TMDB_IMAGE_BASE_URL' | 'TMDB_RATE'>>,
): MetadataProviders {
  // TMDB allows about 40 requests per second per address (developer docs, "Rate Limiting").
  const tmdbRate = { perSecond: config.TMDB_RATE ?? 40, burst: 20 };
  const policy = (rate: { perSecond: number; burst: number }, maxWaitMs = Infinity) => ({
    bucket: new TokenBucket(rate.perSecond, rate.burst),
    clock: realClock,
    timeoutMs: 8000,
    retries: 3,
    maxWaitMs,
  });
  const tmdb = createTmdbClient(
    config.TMDB_KEY ? { baseUrl: config.TMDB_BASE_URL, key: config.TMDB_KEY } : null,
    policy(tmdbRate),
  );
  const omdb = createOmdbClient(
    config.OMDB_KEY ? { baseUrl: config.OMDB_BASE_URL, key: config.OMDB_KEY } : null,
    // OMDb is asked only while a film page waits: past the day's allowance, answer without
    // ratings at once rather than after the ~86 s a token takes to come back.
    policy(OMDB_RATE, 2000),
  );
  const posters: PosterSource = {
    baseUrl: config.TMDB_IMAGE_BASE_URL ?? 'https://image.tmdb.org/t/p',
    bucket: new TokenBucket(tmdbRate.perSecond, tmdbRate.burst),
    timeoutMs: 8000,
  };
  return { tmdb, omdb, posters, health: () => ({ tmdb: tmdb.health(), omdb: omdb.health() }) };
}
