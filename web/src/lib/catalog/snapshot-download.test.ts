import { createApp } from '@filmfold/sync-server/app';
import { type Database, openDatabase } from '@filmfold/sync-server/database';
import { testSeed, trainAndPublish } from '@filmfold/sync-server/test-seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '$lib/api/client';
import { testDb } from '$lib/db/test-db';
import { type DownloadProgress, installLatestSnapshots } from './snapshot-download';
import { film } from './test-films';

const ORIGIN = 'http://filmfold.test';

describe('installLatestSnapshots against the real server', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await openDatabase({});
    app = createApp({ database });
  }, 60_000);
  afterAll(() => database.close());

  /** A client whose artifact responses pass through `tamper` first. */
  const client = (
    tamper: (res: Response, url: string) => Response | Promise<Response> = (r) => r,
  ) =>
    apiClient(ORIGIN, async (input, init) => {
      const request = new Request(input instanceof Request ? input : String(input), init);
      return tamper(await app.request(request), request.url);
    });

  it('says "not ready" before the first model is published', async () => {
    const outcome = await installLatestSnapshots(testDb(), client());
    expect(outcome).toMatchObject({ ok: false, reason: 'not-ready' });
  });

  it('downloads with progress, verifies, stores both snapshots, and later does nothing', async () => {
    const manifest = await trainAndPublish(database, testSeed(), { minRaters: 5 });
    const db = testDb();
    const progress: DownloadProgress[] = [];
    const outcome = await installLatestSnapshots(db, client(), (p) => progress.push(p));
    expect(outcome).toEqual({
      ok: true,
      isUpdated: true,
      catalogVersion: manifest.catalog.version,
    });
    const total = manifest.catalog.bytes + manifest.model.bytes;
    const downloads = progress.filter((p) => p.phase === 'downloading');
    expect(downloads.at(-1)).toEqual({
      phase: 'downloading',
      receivedBytes: total,
      totalBytes: total,
    });
    expect(progress.map((p) => p.phase).at(-1)).toBe('storing');
    expect(await db.films.count()).toBe(31);
    expect((await db.films.get(1))!.ratingHistogram).toHaveLength(10);
    const model = await db.snapshots.get('model');
    expect(model!.data!.byteLength).toBe(manifest.model.bytes);

    expect(await installLatestSnapshots(db, client())).toMatchObject({
      ok: true,
      isUpdated: false,
    });
  }, 60_000);

  it('refuses a download that does not match its checksum and keeps what was there', async () => {
    const db = testDb();
    await db.films.put(film(99, 'Kept', { year: 2001 }));
    const corrupting = client(async (res, url) => {
      if (!url.includes('/artifacts/model/')) return res;
      const bytes = new Uint8Array(await res.arrayBuffer());
      bytes[100] = bytes[100]! ^ 0xff;
      return new Response(bytes, { status: 200, headers: res.headers });
    });
    const outcome = await installLatestSnapshots(db, corrupting);
    expect(outcome).toMatchObject({ ok: false, reason: 'corrupt' });
    expect((await db.films.toArray()).map((f) => f.title)).toEqual(['Kept']);
    expect(await db.snapshots.count()).toBe(0);
  });

  it('is offline, not broken, without a network', async () => {
    const offline = apiClient(ORIGIN, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await installLatestSnapshots(testDb(), offline)).toMatchObject({
      ok: false,
      reason: 'offline',
    });
  });
});
