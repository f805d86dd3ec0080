import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { film } from '$lib/catalog/test-films';
import { FilmfoldDb } from './database';

describe('the device database', () => {
  it('an older device’s snapshot opens with its model bytes moved out and columns built', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('old-device', { indexedDB, IDBKeyRange });
    old.version(6).stores({ films: 'id', snapshots: 'kind' });
    const row = { version: 'v1', sha256: 'ab', bytes: 3, storedAt: '2026-01-01T00:00:00.000Z' };
    await old.table('snapshots').bulkPut([
      { kind: 'catalog', ...row },
      { kind: 'model', ...row, data: Uint8Array.of(1, 2, 3) },
    ]);
    await old.table('films').bulkPut([film(5, 'Five', { year: 1995, genres: ['Drama'] })]);
    old.close();

    const db = new FilmfoldDb('old-device', { indexedDB, IDBKeyRange });
    expect(await db.snapshots.get('model')).toEqual({ kind: 'model', ...row });
    expect(await db.snapshotData.get('model')).toEqual({
      kind: 'model',
      bytes: Uint8Array.of(1, 2, 3),
    });
    const columns = await db.snapshotData.get('catalog-columns');
    expect(columns?.kind === 'catalog-columns' && Array.from(columns.columns.movieIds)).toEqual([
      5,
    ]);
  });
});
