import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOmdbClient } from './omdb';
import { STUB_KEYS } from './stub/provider-stub';
import { startProviderStub } from './stub/serve-stub';
import { realClock, TokenBucket } from './token-bucket';

describe('the OMDb client against the local stub', () => {
  let running: Awaited<ReturnType<typeof startProviderStub>>;
  let baseUrl = '';
  beforeAll(async () => {
    running = await startProviderStub();
    baseUrl = `${running.base}/omdb/`;
  });
  afterAll(() => running.close());
  const policy = () => ({
    bucket: new TokenBucket(10, 10),
    clock: realClock,
    timeoutMs: 2000,
    retries: 2,
  });

  it('reads the three ratings and the plot by IMDb id', async () => {
    const omdb = createOmdbClient({ baseUrl, key: STUB_KEYS.omdb }, policy());
    const result = await omdb.byImdbId('tt3896198');
    expect(result).toEqual({
      ok: true,
      value: {
        imdb: expect.stringMatching(/^\d\.\d\/10$/),
        rottenTomatoes: expect.stringMatching(/^\d+%$/),
        metacritic: expect.stringMatching(/^\d+\/100$/),
        plot: expect.any(String),
      },
    });
    expect(omdb.health()).toMatchObject({ state: 'ok' });
  });

  it('past the day’s allowance, answers rate-limited at once instead of holding the page', async () => {
    const omdb = createOmdbClient(
      { baseUrl, key: STUB_KEYS.omdb },
      { ...policy(), bucket: new TokenBucket(1000 / 86_400, 1), maxWaitMs: 2000 },
    );
    expect(await omdb.byImdbId('tt3896198')).toMatchObject({ ok: true });
    const started = Date.now();
    expect(await omdb.byImdbId('tt0114709')).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(omdb.health()).toMatchObject({ state: 'degraded', reason: 'rate-limited' });
  });

  it('turns OMDb’s 200 "not found" into a value, and a bad key into degraded health', async () => {
    const omdb = createOmdbClient({ baseUrl, key: STUB_KEYS.omdb }, policy());
    expect(await omdb.byImdbId('nonsense')).toMatchObject({ ok: false, reason: 'not-found' });
    const wrong = createOmdbClient({ baseUrl, key: 'wrong' }, policy());
    expect(await wrong.byImdbId('tt3896198')).toMatchObject({ ok: false, reason: 'bad-key' });
    expect(wrong.health()).toMatchObject({ state: 'degraded', reason: 'bad-key' });
  });
});
