import fc from 'fast-check';
import type { Change } from '@filmfold/model';
import { describe, expect, it } from 'vitest';
import {
  applyRemote,
  deleteViewing,
  logViewing,
  rate,
  restampAhead,
  setOnWatchlist,
  writeLocal,
} from './records';
import { testDb } from './test-db';
import { unsentChanges } from './outbox';

describe('local records', () => {
  it('writes the record, its clock and an outbox entry together', async () => {
    const db = testDb();
    const [change] = await rate(db, 1, 4.5);
    expect(await db.ratings.get(1)).toMatchObject({ movieId: 1, rating: 4.5 });
    expect(await db.clocks.get(['rating', '1'])).toEqual({
      kind: 'rating',
      key: '1',
      hlc: change!.hlc,
    });
    expect(await unsentChanges(db)).toEqual([change]);
    await rate(db, 1, null);
    expect(await db.ratings.get(1)).toBeUndefined();
    expect(await unsentChanges(db)).toHaveLength(2);
  });

  it('keeps several viewings of one film, each deletable', async () => {
    const db = testDb();
    await logViewing(db, 7, '2024-05-01');
    const [second] = await logViewing(db, 7, '2024-06-01', 4, true);
    expect(await db.viewings.where('movieId').equals(7).count()).toBe(2);
    await deleteViewing(db, second!.key);
    expect((await db.viewings.toArray()).map((v) => v.watchedOn)).toEqual(['2024-05-01']);
  });

  it('stamps every write with a later clock than the one before', async () => {
    const db = testDb();
    const stamps: string[] = [];
    for (let i = 0; i < 20; i++) stamps.push((await setOnWatchlist(db, i + 1, true))[0]!.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('a remote change wins only when newer, deletions included', async () => {
    const db = testDb();
    const [mine] = await rate(db, 3, 2);
    const older = {
      ...mine!,
      value: { ...mine!.value!, rating: 5 },
      hlc: '2000-01-01T00:00:00.000Z-0000-other',
    } as Change;
    expect(await applyRemote(db, [older])).toBe(0);
    expect((await db.ratings.get(3))!.rating).toBe(2);
    const laterDelete = {
      kind: 'rating',
      key: '3',
      value: null,
      hlc: '2999-01-01T00:00:00.000Z-0000-other',
    } as Change;
    expect(await applyRemote(db, [laterDelete])).toBe(1);
    expect(await db.ratings.get(3)).toBeUndefined();
    // The tombstone's clock stays, so an older rating arriving late cannot bring it back.
    expect(
      await applyRemote(db, [{ ...mine!, hlc: '2500-01-01T00:00:00.000Z-0000-other' } as Change]),
    ).toBe(0);
  });
});

describe('two devices exchanging changes', () => {
  const edit = fc.record({
    device: fc.integer({ min: 0, max: 1 }),
    movieId: fc.integer({ min: 1, max: 4 }),
    rating: fc.option(
      fc.integer({ min: 1, max: 10 }).map((half) => half / 2),
      { nil: null },
    ),
  });

  it('converge to the same ratings whatever order the changes arrive in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        async (edits, order) => {
          const devices = [testDb(), testDb()];
          const sent: Change[][] = [[], []];
          for (const { device, movieId, rating } of edits) {
            sent[device]!.push(...(await rate(devices[device]!, movieId, rating)));
          }
          for (const [to, from] of [
            [0, 1],
            [1, 0],
          ] as const) {
            const shuffled = [...sent[from]!];
            const picks = order.take(shuffled.length);
            let i = 0;
            for (const pick of picks) {
              const j = i + (pick % (shuffled.length - i));
              [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
              i++;
            }
            for (const change of shuffled) await applyRemote(devices[to]!, [change]);
          }
          const [a, b] = await Promise.all(
            devices.map(async (db) =>
              (await db.ratings.toArray()).map((r) => [r.movieId, r.rating]),
            ),
          );
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('writeLocal', () => {
  it('writes nothing when one change in the batch cannot be stored', async () => {
    const db = testDb();
    const bad = { kind: 'rating', key: '1', value: undefined } as unknown as Parameters<
      typeof writeLocal
    >[1][number];
    await expect(
      writeLocal(db, [
        {
          kind: 'watchlist',
          key: '2',
          value: { movieId: 2, addedAt: '2024-01-01T00:00:00Z', note: '' },
        },
        bad,
      ]),
    ).rejects.toThrow();
    expect(await db.watchlist.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('stamps under a wrong clock', () => {
  const HOUR = 3_600_000;

  it('an edit on a device whose clock is an hour slow wins over the value it replaced', async () => {
    const db = testDb();
    db.wallClock = () => Date.now() - HOUR;
    // Another device (with a right clock) rated the film a minute ago; this device pulls it.
    const pulled = {
      kind: 'rating',
      key: '5',
      value: { movieId: 5, rating: 5, ratedAt: new Date().toISOString() },
      hlc: `${new Date(Date.now() - 60_000).toISOString()}-0000-otherdevice`,
    } as Change;
    await applyRemote(db, [pulled]);
    const [edit] = await rate(db, 5, 2);
    expect(edit!.hlc > pulled.hlc).toBe(true);
  });

  it('stays above the clock it holds for the cell, even one it never received', async () => {
    const db = testDb();
    db.wallClock = () => Date.parse('2024-01-01T00:00:00Z');
    await db.clocks.put({ kind: 'rating', key: '9', hlc: '2024-06-01T00:00:00.000Z-0003-zz' });
    const [edit] = await rate(db, 9, 3);
    expect(edit!.hlc > '2024-06-01T00:00:00.000Z-0003-zz').toBe(true);
  });

  it('re-dates unsent changes made while the clock ran an hour fast, and nothing else', async () => {
    const db = testDb();
    let offset = HOUR;
    db.wallClock = () => Date.now() + offset;
    const [early] = await rate(db, 1, 4);
    const [alsoEarly] = await rate(db, 1, 4.5);
    offset = 0; // the device learns the right time
    const restamped = await restampAhead(db, '');
    expect(restamped).toBe(2);
    const stamps = (await unsentChanges(db)).map((change) => change.hlc);
    expect(stamps.every((hlc) => Date.parse(hlc.slice(0, 24)) <= Date.now() + 1000)).toBe(true);
    expect(stamps[0]! < stamps[1]!).toBe(true);
    expect(stamps[0]).not.toBe(early!.hlc);
    expect(stamps[1]).not.toBe(alsoEarly!.hlc);
    // The cell's clock follows its newest change, and the next edit goes above it.
    expect((await db.clocks.get(['rating', '1']))!.hlc).toBe(stamps[1]);
    const [next] = await rate(db, 1, 5);
    expect(next!.hlc > stamps[1]!).toBe(true);
    expect(await restampAhead(db, '')).toBe(0);
  });

  it('refuses a note the server could not store, writing nothing', async () => {
    const db = testDb();
    for (const note of ['a\u0000b', 'broken \ud800 half']) {
      await expect(
        writeLocal(db, [
          {
            kind: 'watchlist',
            key: '2',
            value: { movieId: 2, addedAt: '2024-01-01T00:00:00Z', note },
          },
        ]),
      ).rejects.toThrow(/NUL character or a broken/);
    }
    expect(await db.outbox.count()).toBe(0);
  });
});
