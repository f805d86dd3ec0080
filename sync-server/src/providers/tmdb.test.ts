import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STUB_KEYS } from './stub/provider-stub';
import { startProviderStub } from './stub/serve-stub';
import { INCEPTION } from './stub/stub-films';
import { createTmdbClient } from './tmdb';
import { fakeClock } from '../test-support/fake-clock';
import { realClock, TokenBucket } from './token-bucket';

describe('the TMDB client against the local stub', () => {
  let running: Awaited<ReturnType<typeof startProviderStub>>;
  let stub: Awaited<ReturnType<typeof startProviderStub>>['stub'];
  let baseUrl = '';
  beforeAll(async () => {
    running = await startProviderStub();
    stub = running.stub;
    baseUrl = `${running.base}/tmdb/3`;
  });
  afterAll(() => running.close());
  beforeEach(() => {
    stub.setMode('ok');
    stub.requests.length = 0;
  });
  /** When each request left, by the client's own (fake) clock. */
  let sentAt: number[] = [];
  let clock = fakeClock();
  beforeEach(() => {
    sentAt = [];
    clock = fakeClock();
  });
  const client = (
    options: {
      rate?: number;
      burst?: number;
      timeoutMs?: number;
      retries?: number;
      key?: string;
    } = {},
  ) =>
    createTmdbClient(
      { baseUrl, key: options.key ?? STUB_KEYS.tmdb },
      {
        bucket: new TokenBucket(options.rate ?? 50, options.burst ?? 50, clock),
        clock,
        timeoutMs: options.timeoutMs ?? 2000,
        retries: options.retries ?? 3,
        fetch: (input, init) => {
          sentAt.push(clock.now());
          return fetch(input, init);
        },
      },
    );

  it('reads details, credits, videos and providers for any film, tolerating unknown fields', async () => {
    const tmdb = client();
    const details = await tmdb.details(603);
    expect(details).toMatchObject({
      ok: true,
      value: { id: 603, title: 'Stub film 603', imdb_id: 'tt0000603' },
    });
    const credits = await tmdb.credits(603);
    expect(credits.ok && credits.value.crew.some((c) => c.job === 'Director')).toBe(true);
    const videos = await tmdb.videos(603);
    expect(
      videos.ok && videos.value.results.some((v) => v.type === 'Trailer' && v.site === 'YouTube'),
    ).toBe(true);
    const providers = await tmdb.watchProviders(603);
    expect(providers.ok && providers.value.results.GB?.flatrate?.length).toBeGreaterThan(0);
    expect(tmdb.health()).toMatchObject({ state: 'ok' });
  });

  it('asks details, credits and keywords in one request, and finds ids and people', async () => {
    const own = await startProviderStub(0, INCEPTION);
    try {
      const tmdb = createTmdbClient(
        { baseUrl: `${own.base}/tmdb/3`, key: STUB_KEYS.tmdb },
        { bucket: new TokenBucket(50, 50), clock: realClock, timeoutMs: 2000, retries: 1 },
      );
      const film = await tmdb.film(27205);
      expect(film).toMatchObject({
        ok: true,
        value: {
          title: 'Inception',
          credits: { crew: [{ name: 'Christopher Nolan', job: 'Director' }] },
          keywords: { keywords: [{ name: 'dream' }, { name: 'heist' }] },
        },
      });
      expect(own.stub.requests.map((r) => r.path)).toEqual(['/tmdb/3/movie/27205']);
      expect(await tmdb.externalIds(27205)).toMatchObject({
        ok: true,
        value: { imdb_id: 'tt1375666' },
      });
      const people = await tmdb.searchPerson('nolan');
      expect(people.ok && people.value.results.map((p) => p.name)).toEqual(['Christopher Nolan']);
    } finally {
      own.close();
    }
  });

  it('keeps under the configured rate in every one-second window', async () => {
    const tmdb = client({ rate: 20, burst: 5 });
    await Promise.all(Array.from({ length: 45 }, (_, i) => tmdb.details(1000 + i)));
    expect(stub.requests).toHaveLength(45);
    for (const start of sentAt) {
      const inWindow = sentAt.filter((t) => t >= start && t < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(5 + 20); // the burst and a second of refill
    }
    expect(clock.elapsed).toBeCloseTo(((45 - 5) / 20) * 1000, -1);
  });

  it('backs off through a 429 storm, honouring Retry-After, and recovers', async () => {
    const tmdb = client();
    stub.setMode('rate-limit', 3, 1);
    const result = await tmdb.details(42);
    expect(result).toMatchObject({ ok: true, value: { id: 42 } });
    expect(clock.elapsed).toBeGreaterThanOrEqual(3000); // three Retry-After: 1
    expect(sentAt.slice(1).every((t, i) => t - sentAt[i]! >= 1000)).toBe(true);
    expect(stub.requests).toHaveLength(4);
    const recovered = clock.elapsed;
    expect((await tmdb.details(43)).ok).toBe(true);
    expect(clock.elapsed - recovered).toBeLessThan(100);
  });

  it('gives up on a storm longer than its retries, as a value', async () => {
    const tmdb = client({ retries: 1 });
    stub.setMode('rate-limit', 5, 0);
    expect(await tmdb.details(7)).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(tmdb.health()).toMatchObject({ state: 'degraded', reason: 'rate-limited' });
  });

  it('retries a 5xx, and rejects malformed JSON without crashing', async () => {
    const tmdb = client();
    stub.setMode('server-error', 1);
    expect((await tmdb.details(8)).ok).toBe(true);
    stub.setMode('malformed', 1);
    expect(await tmdb.details(9)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(tmdb.health()).toMatchObject({ state: 'degraded', reason: 'malformed' });
    expect((await tmdb.details(9)).ok).toBe(true);
    expect(tmdb.health()).toMatchObject({ state: 'ok' });
  });

  it('reports a bad key, a missing key and a timeout as degraded, never as an exception', async () => {
    const badKey = client({ key: 'not-the-key' });
    expect(await badKey.details(1)).toMatchObject({ ok: false, reason: 'bad-key' });
    expect(badKey.health()).toMatchObject({ state: 'degraded', reason: 'bad-key' });
    const none = createTmdbClient(null, {
      bucket: new TokenBucket(1, 1),
      clock: realClock,
      timeoutMs: 100,
      retries: 0,
    });
    expect(none.health()).toEqual({ state: 'unconfigured' });
    expect(await none.details(1)).toMatchObject({ ok: false, reason: 'bad-key' });
    const slow = client({ timeoutMs: 300, retries: 0 });
    stub.setMode('timeout', 1);
    expect(await slow.details(2)).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});
