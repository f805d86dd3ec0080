import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { type Database, openDatabase } from '../db/database';
import { metadataProviders } from '../providers/providers';
import { STUB_KEYS } from '../providers/stub/provider-stub';
import { startProviderStub } from '../providers/stub/serve-stub';
import { trainAndPublish } from '../services/publishing';
import { testSeed } from '../services/test-seed';

// Its own in-memory database: publishing here must not move "latest" under other suites.
describe('film extras and trending', () => {
  let database: Database;
  let running: Awaited<ReturnType<typeof startProviderStub>>;
  // Fresh TMDB ids each run, so nothing is in the provider cache yet; film 3 has an IMDb id.
  const offset = 5_000_000 + Math.floor(Math.random() * 1e6);
  const seed = testSeed();
  seed.movies = seed.movies.map((m) => ({
    ...m,
    tmdbId: m.id === 31 ? null : offset + m.id,
    imdbId: m.id === 3 ? `tt${String(offset + 3).padStart(8, '0')}` : null,
  }));
  beforeAll(async () => {
    database = await openDatabase({});
    await trainAndPublish(database, seed, { minRaters: 5 });
    // The stub knows the catalog's films, and one trending film the catalog lacks.
    const films = new Map(
      [...seed.movies.slice(0, 30), { ...seed.movies[0]!, tmdbId: 1 }].map((m) => [
        m.tmdbId!,
        { title: m.title, imdbId: m.imdbId, year: m.year, directors: [], cast: [], keywords: [] },
      ]),
    );
    running = await startProviderStub(0, films);
  }, 60_000);
  afterAll(async () => {
    running.close();
    await database.close();
  });
  beforeEach(() => {
    running.stub.setMode('ok');
    running.stub.requests.length = 0;
  });
  const app = (keys = true) =>
    createApp({
      database,
      providers: metadataProviders({
        TMDB_KEY: keys ? STUB_KEYS.tmdb : undefined,
        TMDB_BASE_URL: `${running.base}/tmdb/3`,
        OMDB_KEY: keys ? STUB_KEYS.omdb : undefined,
        OMDB_BASE_URL: `${running.base}/omdb`,
      }),
    });
  const extras = async (movieId: number | string, query = '', server = app()) => {
    const res = await server.request(`/api/films/${movieId}/extras${query}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('gives the trailer, where to watch in the region, and the three ratings', async () => {
    const { status, body } = await extras(3, '?region=GB');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      movieId: 3,
      trailer: { site: 'YouTube', key: expect.any(String) },
      watch: {
        region: 'GB',
        link: expect.stringContaining('locale=GB'),
        stream: expect.arrayContaining([
          { name: 'Netflix', logo: '/pbpMk2JmcoNnQwx5JGpXngfoWtp.jpg' },
        ]),
      },
      ratings: { imdb: '7.7/10', rottenTomatoes: '83%', metacritic: '67/100' },
      sources: { tmdb: 'ok', omdb: 'ok' },
    });
    expect(body.regions).toContain('GB');
  });

  it('answers a second time from the cache, asking no provider', async () => {
    await extras(4, '?region=DE');
    const asked = running.stub.requests.length;
    expect(asked).toBe(2); // videos and providers; film 4 has no IMDb id
    const again = await extras(4, '?region=FR');
    expect(again.body.watch).toMatchObject({ region: 'FR' });
    expect(running.stub.requests.length).toBe(asked);
  });

  it('leaves out what a provider cannot give, and says why, without failing', async () => {
    running.stub.setMode('server-error');
    const down = await extras(5);
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({
      trailer: null,
      watch: null,
      sources: { tmdb: 'unavailable' },
    });
    const unconfigured = await extras(6, '', app(false));
    expect(unconfigured.body).toMatchObject({
      trailer: null,
      ratings: null,
      sources: { tmdb: 'unconfigured' },
    });
    // A film TMDB has no id for is not an outage.
    running.stub.setMode('ok');
    expect((await extras(31)).body).toMatchObject({ trailer: null, sources: { tmdb: 'ok' } });
  });

  it('refuses bad requests with a clear JSON error', async () => {
    expect(await extras(3, '?region=gb')).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request' } },
    });
    expect((await extras('abc')).status).toBe(400);
    expect(await extras(9999)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    const noProviders = await createApp({ database }).request('/api/films/3/extras');
    expect(noProviders.status).toBe(404);
  });

  it("lists TMDB's trending films that are in the catalog, in TMDB's order", async () => {
    const res = await app().request('/api/trending?window=day');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { window: string; films: number[]; source: string };
    expect(body.window).toBe('day');
    expect(body.source).toBe('ok');
    expect(body.films.length).toBeGreaterThanOrEqual(19); // the film the catalog lacks is left out
    expect(body.films.every((id) => id >= 1 && id <= 30)).toBe(true);
    expect((await app().request('/api/trending?window=year')).status).toBe(400);
  });
});
