import { gunzipSync } from 'node:zlib';
import { catalogSchema } from '@filmfold/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { filmMetadata } from '../db/schema';
import { type Database, openDatabase } from '../db/database';
import { metadataProviders } from '../providers/providers';
import { posterPathOf, STUB_KEYS } from '../providers/stub/provider-stub';
import { startProviderStub } from '../providers/stub/serve-stub';
import { startEnrichment } from './enrichment-runner';
import { latestManifest, readArtifact, trainAndPublish } from './publishing';
import { testSeed } from './test-seed';

// Its own in-memory database: publishing here must not move "latest" under other suites that
// share the PostgreSQL test database.
describe('enrichment at start-up', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({});
  }, 60_000);
  afterAll(() => database.close());
  const db = () => database;

  it('fills the published catalog in the background, most-rated films first, and reports progress in /api/health', async () => {
    const running = await startProviderStub();
    try {
      const base = testSeed();
      const offset = 6_000_000 + Math.floor(Math.random() * 1e6);
      const seed = { ...base, movies: base.movies.map((m) => ({ ...m, tmdbId: offset + m.id })) };
      const before = await trainAndPublish(db(), seed, { minRaters: 5 });
      const providers = metadataProviders({
        TMDB_KEY: STUB_KEYS.tmdb,
        TMDB_BASE_URL: `${running.base}/tmdb/3`,
        OMDB_BASE_URL: `${running.base}/omdb`,
      });
      const lines: string[] = [];
      const states: string[] = [];
      const job = startEnrichment(db(), providers, (line) => lines.push(line), {
        publish: async () => {
          states.push(job.progress().state);
          await trainAndPublish(db(), seed, { minRaters: 5 });
        },
        earlyPublishAfter: 10,
      });
      const app = createApp({ database: db(), providers, enrichment: job.progress });
      for (let i = 0; i < 100 && job.progress().state !== 'finished'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const health = (await (await app.request('/api/health')).json()) as { enrichment: unknown };
      expect(health.enrichment).toEqual({ state: 'finished', done: 31, total: 31 });
      expect(lines).toContain('Film details from TMDB: 31 of 31 (100%)');
      expect(await db().db.select().from(filmMetadata)).toHaveLength(31);
      // The first ten films' details were published early, while the job ran on; a new catalog
      // carrying them all was published before the job said finished.
      expect(states).toEqual(['running', 'publishing']);
      expect(lines).toContain('Film details for 10 films: publishing them before the rest.');
      const counts = new Map<number, number>();
      for (let r = 0; r < seed.ratings.length; r++)
        counts.set(seed.ratings.movieIds[r]!, (counts.get(seed.ratings.movieIds[r]!) ?? 0) + 1);
      const mostRated = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
      expect(running.stub.requests[0]!.path).toBe(`/tmdb/3/movie/${offset + mostRated}`);
      const after = await latestManifest(db());
      expect(after!.catalog.version).not.toBe(before.catalog.version);
      const artifact = await readArtifact(db(), 'catalog', after!.catalog.version);
      const catalog = catalogSchema.parse(JSON.parse(gunzipSync(artifact!.bytes).toString()));
      const first = catalog.movies[0]!;
      // The stub leaves every 23rd film without a poster; the catalog then has no posterPath.
      expect(first.posterPath).toBe(posterPathOf(first.tmdbId!) ?? undefined);
      expect(first.directors?.length).toBeGreaterThan(0);
      expect(first.cast).toHaveLength(8);
      expect(first.runtime).toBeGreaterThan(0);
      await job.stop();
    } finally {
      running.close();
    }
  }, 30_000);

  it('tries the films TMDB could not answer for again on a later pass', async () => {
    const own = await openDatabase({});
    const running = await startProviderStub();
    try {
      const base = testSeed();
      const offset = 4_000_000 + Math.floor(Math.random() * 1e6);
      const seed = { ...base, movies: base.movies.map((m) => ({ ...m, tmdbId: offset + m.id })) };
      await trainAndPublish(own, seed, { minRaters: 5 });
      const providers = metadataProviders({
        TMDB_KEY: STUB_KEYS.tmdb,
        TMDB_BASE_URL: `${running.base}/tmdb/3`,
        OMDB_BASE_URL: `${running.base}/omdb`,
      });
      // TMDB fails the first film's four tries (one and three retries), then recovers.
      running.stub.setMode('server-error', 4);
      const lines: string[] = [];
      const job = startEnrichment(own, providers, (line) => lines.push(line), {
        retryAfterMs: 200,
      });
      const seen = new Set<string>();
      for (let i = 0; i < 600 && job.progress().state !== 'finished'; i++) {
        seen.add(job.progress().state);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(seen).toContain('waiting');
      expect(job.progress()).toEqual({ state: 'finished', done: 31, total: 31 });
      expect(lines).toContain(
        'Film details: 1 film left (TMDB unavailable); trying again in <1 min.',
      );
      expect(await own.db.select().from(filmMetadata)).toHaveLength(31);
      await job.stop();
    } finally {
      running.close();
      await own.close();
    }
  }, 60_000);

  it('does nothing without a TMDB key, and says so', async () => {
    const providers = metadataProviders({
      TMDB_BASE_URL: 'http://unused.invalid',
      OMDB_BASE_URL: 'http://unused.invalid',
    });
    const job = startEnrichment(db(), providers, () => {});
    expect(job.progress()).toEqual({ state: 'unconfigured', done: 0, total: 0 });
    await job.stop();
  });
});
