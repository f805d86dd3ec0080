import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { catalogSchema, decodeSnapshot } from '@filmfold/model';
import { expect, it } from 'vitest';
import { createApp } from '../app';
import { describeOnEachDatabase } from '../db/test-databases';
import { browser } from '../http/test-client';
import { trainAndPublish } from './publishing';
import { testSeed as seed } from './test-seed';

describeOnEachDatabase('publishing', (db) => {
  it('publishes a catalog and a model snapshot, served immutable with ETags', async () => {
    const app = createApp({ database: db() });
    const b = browser(app);
    // A contributor rates film 31, which nobody else has: too few raters for the model. Five
    // contributors rate film 9999, which the catalog does not have: it must not enter the model.
    await b.send('POST', '/api/contributions', {
      contributorId: 'contributor1',
      ratings: [{ movieId: 31, rating: 5, ratedOn: '2024-05-01' }],
    });
    for (let c = 0; c < 5; c++)
      await b.send('POST', '/api/contributions', {
        contributorId: `stranger${c}x`,
        ratings: [{ movieId: 9999, rating: 5, ratedOn: '2024-05-01' }],
      });
    const manifest = await trainAndPublish(db(), seed(), { minRaters: 5 });

    const latest = await b.send('GET', '/api/artifacts/latest');
    expect(latest.status).toBe(200);
    expect(await latest.json()).toEqual(manifest);

    const model = await b.send('GET', manifest.model.url);
    expect(model.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(model.headers.get('etag')).toBe(`"${manifest.model.sha256}"`);
    const snapshot = decodeSnapshot(new Uint8Array(await model.arrayBuffer()));
    // Film 31 is in the snapshot, placed by its content alone: its one rating trained nothing.
    expect(Array.from(snapshot.movieIds)).toEqual(Array.from({ length: 31 }, (_, k) => k + 1));
    expect(snapshot.itemCounts[30]).toBe(0);
    expect(snapshot.itemCounts[0]).toBeGreaterThanOrEqual(5);
    expect(snapshot.content).not.toBeNull();

    const again = await b.send('GET', manifest.model.url, undefined, {
      'if-none-match': `"${manifest.model.sha256}"`,
    });
    expect(again.status).toBe(304);

    const catalogRes = await app.request(`http://localhost${manifest.catalog.url}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    // The gzipped bytes themselves, so that their sha256 is the manifest's.
    expect(catalogRes.headers.get('content-encoding')).toBeNull();
    expect(catalogRes.headers.get('content-type')).toBe('application/gzip');
    const catalogBytes = new Uint8Array(await catalogRes.arrayBuffer());
    expect(catalogBytes.length).toBe(manifest.catalog.bytes);
    expect(createHash('sha256').update(catalogBytes).digest('hex')).toBe(manifest.catalog.sha256);
    const catalog = catalogSchema.parse(JSON.parse(gunzipSync(catalogBytes).toString()));
    expect(catalog.movies).toHaveLength(31);
    expect(catalog.movies.find((m) => m.id === 31)).toMatchObject({
      ratingCount: 1,
      meanRating: 5,
      ratingHistogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    });
    expect(catalog.movies.find((m) => m.id === 1)!.tags).toEqual(['slow']);
  }, 60_000);

  it('switches "latest" to a new version and keeps the old one fetchable', async () => {
    const first = await trainAndPublish(db(), seed(), { minRaters: 5 });
    const b = browser(createApp({ database: db() }));
    await b.send('POST', '/api/contributions', {
      contributorId: 'contributor2',
      ratings: [{ movieId: 2, rating: 1, ratedOn: '2024-05-02' }],
    });
    const second = await trainAndPublish(db(), seed(), { minRaters: 5 });
    expect(second.model.version).not.toBe(first.model.version);
    expect(await (await b.send('GET', '/api/artifacts/latest')).json()).toEqual(second);
    expect((await b.send('GET', first.model.url)).status).toBe(200);
  }, 60_000);
});
