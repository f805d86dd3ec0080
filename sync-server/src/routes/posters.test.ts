import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createApp } from '../app';
import { describeOnEachDatabase } from '../db/test-databases';
import { metadataProviders } from '../providers/providers';
import { startProviderStub } from '../providers/stub/serve-stub';

describeOnEachDatabase('the poster proxy', (db) => {
  let running: Awaited<ReturnType<typeof startProviderStub>>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    running = await startProviderStub();
    const providers = metadataProviders({
      TMDB_BASE_URL: `${running.base}/tmdb/3`,
      OMDB_BASE_URL: `${running.base}/omdb`,
      TMDB_IMAGE_BASE_URL: `${running.base}/images`,
    });
    app = createApp({ database: db(), providers });
  });
  afterAll(() => running.close());
  beforeEach(() => {
    running.stub.setMode('ok');
    running.stub.requests.length = 0;
  });
  const file = () => `poster${Date.now()}${Math.floor(Math.random() * 1e6)}.png`;

  it('fetches a poster once and serves it immutable from the database afterwards', async () => {
    const name = file();
    const first = await app.request(`/api/posters/w185/${name}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(Array.from(bytes.slice(1, 4), (b) => String.fromCharCode(b)).join('')).toBe('PNG');
    for (let i = 0; i < 3; i++)
      expect((await app.request(`/api/posters/w185/${name}`)).status).toBe(200);
    expect(running.stub.requests).toHaveLength(1);
    // Another size is another image.
    expect((await app.request(`/api/posters/w500/${name}`)).status).toBe(200);
    expect(running.stub.requests).toHaveLength(2);
  });

  it('refuses unknown sizes and odd names, says 404 for a missing poster and 503 when TMDB is down', async () => {
    for (const path of [
      '/api/posters/original/abcdefghij.jpg',
      '/api/posters/w185/..%2Fsecret.jpg',
      '/api/posters/w185/short.jpg',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: expect.stringMatching(/^bad_/) } });
    }
    expect((await app.request('/api/posters/w185/missing1234567.jpg')).status).toBe(404);
    running.stub.setMode('server-error');
    const down = await app.request(`/api/posters/w185/${file()}`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: { code: 'poster_unavailable' } });
  });
});
