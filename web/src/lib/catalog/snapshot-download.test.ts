import { createApp } from '@filmfold/sync-server/app';
import { type Database, openDatabase } from '@filmfold/sync-server/database';
import { testSeed, trainAndPublish } from '@filmfold/sync-server/test-seed';
import type { Manifest } from '@filmfold/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '$lib/api/client';
import { testDb } from '$lib/db/test-db';
import { type DownloadProgress, installLatestSnapshots } from './snapshot-download';
import { film } from './test-films';

const ORIGIN = 'http://filmfold.test';

/** The real app over a fresh PGlite database, opened before a suite's tests and closed after. */
function realServer(prepare: (database: Database) => Promise<void> = async () => {}) {
  const server = {} as { database: Database; app: ReturnType<typeof createApp> };
  beforeAll(async () => {
    server.database = await openDatabase({});
    await prepare(server.database);
    server.app = createApp({ database: server.database });
  }, 60_000);
  afterAll(() => server.database.close());
  /** A client whose artifact responses pass through `tamper` first. */
  const client = (
    tamper: (res: Response, url: string) => Response | Promise<Response> = (r) => r,
  ) =>
    apiClient(ORIGIN, async (input, init) => {
      const request = new Request(input instanceof Request ? input : String(input), init);
      return tamper(await server.app.request(request), request.url);
    });
  return { server, client };
}

/** The model download's bytes, passed through `change` (truncated, flipped, cut mid-stream). */
const tamperModel =
  (change: (bytes: Uint8Array) => BodyInit) => async (res: Response, url: string) => {
    if (!url.includes('/artifacts/model/')) return res;
    const bytes = new Uint8Array(await res.arrayBuffer());
    return new Response(change(bytes), { status: 200, headers: res.headers });
  };

describe('installLatestSnapshots before the first model is published', () => {
  const { client } = realServer();

  it('says "not ready"', async () => {
    const outcome = await installLatestSnapshots(testDb(), client());
    expect(outcome).toMatchObject({ ok: false, reason: 'not-ready' });
  });
});

describe('installLatestSnapshots against a server with a published model', () => {
  let manifest: Manifest;
  const { client } = realServer(async (database) => {
    manifest = await trainAndPublish(database, testSeed(), { minRaters: 5 });
  });

  it('downloads with progress, verifies, stores both snapshots, and later does nothing', async () => {
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
      item: 'model',
      receivedBytes: total,
      totalBytes: total,
    });
    // The bar only moves forward, through the catalog and then the model.
    const received = progress.map((p) => p.receivedBytes);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(downloads[0]!.item).toBe('catalog');
    expect(progress.map((p) => p.phase).at(-1)).toBe('storing');
    expect(await db.films.count()).toBe(31);
    expect((await db.films.get(1))!.ratingHistogram).toHaveLength(10);
    const model = await db.snapshotData.get('model');
    expect(model?.kind === 'model' && model.bytes.byteLength).toBe(manifest.model.bytes);
    const columns = await db.snapshotData.get('catalog-columns');
    expect(columns?.kind === 'catalog-columns' && columns.columns.movieIds.length).toBe(31);

    expect(await installLatestSnapshots(db, client())).toMatchObject({
      ok: true,
      isUpdated: false,
    });
  }, 60_000);

  it('refuses a download that does not match its checksum and keeps what was there', async () => {
    const db = testDb();
    await db.films.put(film(99, 'Kept', { year: 2001 }));
    const corrupting = client(
      tamperModel((bytes) => {
        bytes[100] = bytes[100]! ^ 0xff;
        return bytes as BodyInit;
      }),
    );
    const outcome = await installLatestSnapshots(db, corrupting);
    expect(outcome).toMatchObject({ ok: false, reason: 'corrupt' });
    expect((await db.films.toArray()).map((f) => f.title)).toEqual(['Kept']);
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.snapshotData.count()).toBe(0);
  });

  it('calls a download cut short "interrupted", not corrupt, and starts again next time', async () => {
    const db = testDb();
    const cutMidStream = client(
      tamperModel(
        (bytes) =>
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(bytes.slice(0, 64));
              controller.error(new TypeError('network error'));
            },
          }),
      ),
    );
    expect(await installLatestSnapshots(db, cutMidStream)).toMatchObject({
      ok: false,
      reason: 'interrupted',
    });
    const truncated = client(tamperModel((bytes) => bytes.slice(0, 64) as BodyInit));
    expect(await installLatestSnapshots(db, truncated)).toMatchObject({
      ok: false,
      reason: 'interrupted',
    });
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.snapshotData.count()).toBe(0);
    expect(await installLatestSnapshots(db, client())).toMatchObject({ ok: true, isUpdated: true });
  });
});

describe('installLatestSnapshots without a network', () => {
  it('is offline, not broken', async () => {
    const offline = apiClient(ORIGIN, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await installLatestSnapshots(testDb(), offline)).toMatchObject({
      ok: false,
      reason: 'offline',
    });
  });
});
