import { eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { filmMetadata } from '../db/schema';
import { describeOnEachDatabase } from '../db/test-databases';
import { posterPathOf, STUB_KEYS } from '../providers/stub/provider-stub';
import { startProviderStub } from '../providers/stub/serve-stub';
import { INCEPTION } from '../providers/stub/stub-films';
import { createTmdbClient } from '../providers/tmdb';
import { realClock, TokenBucket } from '../providers/token-bucket';
import { enrichCatalog } from './enrichment';

/** Movie ids of this suite's films, apart from any other suite's on a shared database. */
const FIRST_ID = 900_000;

describeOnEachDatabase('the enrichment job', (db) => {
  let running: Awaited<ReturnType<typeof startProviderStub>>;
  beforeAll(async () => {
    running = await startProviderStub();
  });
  afterAll(() => running.close());
  beforeEach(async () => {
    await db().db.delete(filmMetadata).where(gte(filmMetadata.movieId, FIRST_ID));
    running.stub.setMode('ok');
    running.stub.requests.length = 0;
  });
  const tmdb = () =>
    createTmdbClient(
      { baseUrl: `${running.base}/tmdb/3`, key: STUB_KEYS.tmdb },
      { bucket: new TokenBucket(100, 100), clock: realClock, timeoutMs: 2000, retries: 1 },
    );
  // Films 1-10 with TMDB ids 9001-9010 (fresh ids: nothing cached), and one film TMDB does not know.
  const films = (offset: number) => [
    ...Array.from({ length: 10 }, (_, i) => ({ movieId: FIRST_ID + i, tmdbId: offset + i })),
    { movieId: FIRST_ID + 10, tmdbId: null },
  ];
  const ours = () => db().db.select().from(filmMetadata).where(gte(filmMetadata.movieId, FIRST_ID));

  it('fills posters, overview, runtime, directors and cast, with progress', async () => {
    const progress: number[] = [];
    const offset = 91_000 + Math.floor(Math.random() * 1e6);
    const report = await enrichCatalog(db(), tmdb(), {
      films: films(offset),
      onProgress: (done) => progress.push(done),
    });
    expect(report).toEqual({ enriched: 10, skipped: 1, failed: 0, remaining: 0 });
    expect(progress.at(-1)).toBe(11);
    const [row] = await db()
      .db.select()
      .from(filmMetadata)
      .where(eq(filmMetadata.movieId, FIRST_ID + 2));
    // The stub leaves every 23rd film without a poster, as TMDB leaves some.
    expect(row).toMatchObject({
      posterPath: posterPathOf(offset + 2),
      runtime: expect.any(Number),
    });
    expect(row!.directors.length).toBeGreaterThan(0);
    expect(row!.cast).toHaveLength(8);
  });

  it('keeps the real people and keywords of films the stub knows', async () => {
    const own = await startProviderStub(0, INCEPTION);
    try {
      const client = createTmdbClient(
        { baseUrl: `${own.base}/tmdb/3`, key: STUB_KEYS.tmdb },
        { bucket: new TokenBucket(100, 100), clock: realClock, timeoutMs: 2000, retries: 1 },
      );
      await enrichCatalog(db(), client, { films: [{ movieId: FIRST_ID + 20, tmdbId: 27205 }] });
      const [row] = await db()
        .db.select()
        .from(filmMetadata)
        .where(eq(filmMetadata.movieId, FIRST_ID + 20));
      expect(row).toMatchObject({
        directors: ['Christopher Nolan'],
        cast: ['Leonardo DiCaprio', 'Tom Hardy'],
        keywords: ['dream', 'heist'],
        posterPath: '/Stub0000027205.png',
      });
      expect(own.stub.requests.map((r) => r.path)).toEqual(['/tmdb/3/movie/27205']);
    } finally {
      own.close();
    }
  });

  it('resumes where it stopped, asking TMDB nothing twice', async () => {
    const list = films(7_000_000 + Math.floor(Math.random() * 1e6));
    const stop = new AbortController();
    const first = await enrichCatalog(db(), tmdb(), {
      films: list,
      onProgress: (done) => done === 4 && stop.abort(),
      signal: stop.signal,
    });
    expect(first.remaining).toBe(7);
    const asked = running.stub.requests.length;
    expect(asked).toBe(4); // one request per film
    const second = await enrichCatalog(db(), tmdb(), { films: list });
    expect(second).toEqual({ enriched: 6, skipped: 1, failed: 0, remaining: 0 });
    expect(running.stub.requests.length - asked).toBe(6);
    expect(await ours()).toHaveLength(11);
  });

  it('stops at once when TMDB refuses the key', async () => {
    const refused = createTmdbClient(
      { baseUrl: `${running.base}/tmdb/3`, key: 'not-the-key' },
      { bucket: new TokenBucket(100, 100), clock: realClock, timeoutMs: 2000, retries: 1 },
    );
    const report = await enrichCatalog(db(), refused, { films: films(9_000_000) });
    expect(report).toEqual({
      enriched: 0,
      skipped: 0,
      failed: 1,
      remaining: 10,
      isKeyRefused: true,
    });
    expect(running.stub.requests).toHaveLength(1);
    expect(await ours()).toHaveLength(0);
  });

  it('leaves films for the next run when TMDB is down, storing no gaps', async () => {
    running.stub.setMode('server-error');
    const report = await enrichCatalog(db(), tmdb(), {
      films: films(8_000_000 + Math.floor(Math.random() * 1e6)).slice(0, 3),
    });
    expect(report).toEqual({ enriched: 0, skipped: 0, failed: 3, remaining: 0 });
    expect(await ours()).toHaveLength(0);
  });
});
