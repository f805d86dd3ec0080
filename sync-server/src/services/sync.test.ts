import { randomUUID } from 'node:crypto';
import { type Change, formatHlc } from '@filmfold/model';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../db/test-databases';
import { pullChanges, pushChanges } from './sync';

const at = (millis: number, counter = 0, node = 'deviceA1') => formatHlc({ millis, counter, node });
const rating = (movieId: number, stars: number, hlc: string): Change => ({
  kind: 'rating',
  key: String(movieId),
  value: { movieId, rating: stars, ratedAt: '2024-05-01T20:15:00.000Z' },
  hlc,
});
const NOW = Date.parse('2024-05-01T20:15:00Z');

describeOnEachDatabase('sync service', (db) => {
  const push = (
    userId: string,
    changes: Change[],
    mutationId = randomUUID(),
    deviceId = 'deviceA1',
  ) => pushChanges(db(), userId, { protocolVersion: 1, deviceId, mutationId, changes }, NOW);

  it('stores changes and pulls them back after a cursor', async () => {
    const user = randomUUID();
    const first = await push(user, [rating(1, 4, at(NOW - 2000)), rating(2, 3, at(NOW - 1000))]);
    expect(first).toMatchObject({ ok: true, response: { applied: 2, isReplay: false } });
    const all = await pullChanges(db(), user, { since: 0, limit: 10 });
    expect(all.changes.map((c) => c.key)).toEqual(['1', '2']);
    expect(all.hasMore).toBe(false);
    await push(user, [rating(3, 5, at(NOW))]);
    const later = await pullChanges(db(), user, { since: all.cursor, limit: 10 });
    expect(later.changes.map((c) => c.key)).toEqual(['3']);
  });

  it('keeps the newest value per cell, whatever order the changes arrive in', async () => {
    const user = randomUUID();
    await push(user, [rating(1, 5, at(NOW, 1))]);
    const older = await push(user, [rating(1, 2, at(NOW, 0)), rating(4, 3, at(NOW, 0))]);
    // The change that lost comes back with the value that beat it; the one that won does not.
    expect(older).toMatchObject({
      ok: true,
      response: { applied: 1, superseded: [rating(1, 5, at(NOW, 1))] },
    });
    await push(user, [{ kind: 'rating', key: '1', value: null, hlc: at(NOW, 2) }]);
    const { changes } = await pullChanges(db(), user, { since: 0, limit: 10 });
    expect(changes.filter((c) => c.key === '1')).toEqual([
      { kind: 'rating', key: '1', value: null, hlc: at(NOW, 2) },
    ]);
  });

  it('applies a mutation once: a replay changes nothing and answers as before', async () => {
    const user = randomUUID();
    const mutationId = randomUUID();
    const first = await push(user, [rating(7, 4, at(NOW))], mutationId);
    await push(user, [rating(7, 1, at(NOW, 5))]);
    const replay = await push(user, [rating(7, 4, at(NOW))], mutationId);
    if (!first.ok || !replay.ok) throw new Error('Both pushes should be accepted.');
    expect(first.response).toMatchObject({ applied: 1, isReplay: false, superseded: [] });
    const { changes } = await pullChanges(db(), user, { since: 0, limit: 10 });
    expect(changes[0]!.value).toMatchObject({ rating: 1 });
    // The replay is answered as before, and with what has won since: the device shows that.
    expect(replay.response).toEqual({
      ...first.response,
      isReplay: true,
      superseded: changes,
      serverTime: replay.response.serverTime,
    });
  });

  it('refuses a push dated more than 5 minutes ahead, and stores nothing of it', async () => {
    const user = randomUUID();
    const outcome = await push(user, [rating(1, 4, at(NOW)), rating(2, 4, at(NOW + 6 * 60_000))]);
    expect(outcome).toMatchObject({ ok: false, reason: 'clock-drift' });
    expect((await pullChanges(db(), user, { since: 0, limit: 10 })).changes).toEqual([]);
  });

  it('pages a long pull', async () => {
    const user = randomUUID();
    await push(
      user,
      Array.from({ length: 25 }, (_, k) => rating(k + 1, 3, at(NOW, k))),
    );
    const seen: string[] = [];
    let cursor = 0;
    for (let page = 0; page < 10; page++) {
      const result = await pullChanges(db(), user, { since: cursor, limit: 10 });
      seen.push(...result.changes.map((c) => c.key));
      cursor = result.cursor;
      if (!result.hasMore) break;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it('keeps users apart', async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    await push(alice, [rating(1, 5, at(NOW))]);
    await push(bob, [rating(1, 1, at(NOW, 3))]);
    expect(
      (await pullChanges(db(), alice, { since: 0, limit: 10 })).changes[0]!.value,
    ).toMatchObject({ rating: 5 });
  });
});
