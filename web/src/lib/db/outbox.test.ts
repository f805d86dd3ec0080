import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { FilmfoldDb } from './database';
import { countUnsent, OUTBOX_ENTRY_CHANGES, splitEntries, unsentChanges } from './outbox';
import { type LocalChange, rate, writeLocal } from './records';
import { testDb } from './test-db';

const ratingOf = (movieId: number): LocalChange => ({
  kind: 'rating',
  key: String(movieId),
  value: { movieId, rating: 3, ratedAt: '2024-01-01T00:00:00.000Z' },
});

describe('the outbox', () => {
  it('queues a big write as few entries, none over a push batch, in order', async () => {
    const db = testDb();
    const written = await writeLocal(
      db,
      Array.from({ length: 2 * OUTBOX_ENTRY_CHANGES + 1 }, (_, i) => ratingOf(i + 1)),
    );
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((entry) => entry.changes.length)).toEqual([
      OUTBOX_ENTRY_CHANGES,
      OUTBOX_ENTRY_CHANGES,
      1,
    ]);
    expect(await unsentChanges(db)).toEqual(written);
    expect(await countUnsent(db, '')).toBe(written.length);
    expect(await countUnsent(db, 'someone-else')).toBe(0);
  });

  it('splits entries into one change each, keeping their owner', async () => {
    const db = testDb();
    await writeLocal(db, [ratingOf(1), ratingOf(2), ratingOf(3)]);
    await rate(db, 4, 5);
    const [first] = await db.outbox.orderBy('seq').toArray();
    await splitEntries(db, [first!.seq!]);
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((entry) => entry.changes.map((c) => c.key))).toEqual([
      ['4'],
      ['1'],
      ['2'],
      ['3'],
    ]);
    expect(entries.every((entry) => entry.owner === '')).toBe(true);
  });

  it('an older device’s outbox, one change per entry, opens with nothing lost', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('old-device', { indexedDB, IDBKeyRange });
    old.version(4).stores({ outbox: '++seq, owner, refusal', settings: 'key' });
    const change = { ...ratingOf(7), hlc: '2024-01-01T00:00:00.000Z-0000-dev' };
    await old.table('outbox').bulkAdd([
      { change, owner: 'acct' },
      { change: { ...change, key: '8' }, owner: '', refusal: 'No.' },
    ]);
    old.close();
    const db = new FilmfoldDb('old-device', { indexedDB, IDBKeyRange });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries).toEqual([
      { seq: 1, changes: [change], owner: 'acct' },
      { seq: 2, changes: [{ ...change, key: '8' }], owner: '', refusal: 'No.' },
    ]);
    expect(await countUnsent(db, 'acct')).toBe(1);
  });
});
