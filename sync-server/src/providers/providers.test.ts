import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { type Database, openDatabase } from '../db/database';
import { metadataProviders } from './providers';
import { STUB_KEYS } from './stub/provider-stub';
import { startProviderStub } from './stub/serve-stub';

describe('metadata providers in /api/health', () => {
  let running: Awaited<ReturnType<typeof startProviderStub>>;
  let base = '';
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({});
    running = await startProviderStub();
    base = running.base;
  });
  afterAll(async () => {
    running.close();
    await database.close();
  });

  const health = async (app: ReturnType<typeof createApp>) =>
    (await (await app.request('/api/health')).json()) as { status: string; metadata: unknown };

  it('says "unconfigured" without keys, and the server is still healthy', async () => {
    const app = createApp({
      database,
      providers: metadataProviders({ TMDB_BASE_URL: base, OMDB_BASE_URL: base }),
    });
    expect(await health(app)).toMatchObject({
      status: 'ok',
      metadata: { tmdb: { state: 'unconfigured' }, omdb: { state: 'unconfigured' } },
    });
  });

  it('shows a bad key as degraded, with the reason, and never leaks the key', async () => {
    const providers = metadataProviders({
      TMDB_KEY: 'a-wrong-key',
      TMDB_BASE_URL: `${base}/tmdb/3`,
      OMDB_KEY: STUB_KEYS.omdb,
      OMDB_BASE_URL: `${base}/omdb`,
    });
    const app = createApp({ database, providers });
    await providers.tmdb.details(550);
    await providers.omdb.byImdbId('tt0137523');
    const body = await health(app);
    expect(body).toMatchObject({
      status: 'ok',
      metadata: { tmdb: { state: 'degraded', reason: 'bad-key' }, omdb: { state: 'ok' } },
    });
    expect(JSON.stringify(body)).not.toContain('a-wrong-key');
    expect(JSON.stringify(body)).not.toContain(STUB_KEYS.omdb);
  });
});
