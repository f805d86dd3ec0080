import { randomUUID } from 'node:crypto';
import { type Change, cellBucket, cellDigest, DIGEST_BUCKETS, formatHlc } from '@filmfold/model';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../db/test-databases';
import { pullChanges, pushChanges } from './sync';
import { cellsInBuckets, digestOfCells } from './sync-digest';

const NOW = Date.parse('2024-05-01T20:15:00Z');
const at = (counter: number) => formatHlc({ millis: NOW, counter, node: 'deviceA1' });
const rating = (movieId: number, stars: number, counter: number): Change => ({
  kind: 'rating',
  key: String(movieId),
  value: { movieId, rating: stars, ratedAt: '2024-05-01T20:15:00.000Z' },
  hlc: at(counter),
});

describeOnEachDatabase('sync digest', (db) => {
  const push = (userId: string, changes: Change[]) =>
    pushChanges(
      db(),
      userId,
      { protocolVersion: 1, deviceId: 'deviceA1', mutationId: randomUUID(), changes },
      NOW,
    );

  it("is the digest of the person's latest cells, tombstones included, at the pull's cursor", async () => {
    const user = randomUUID();
    const films = Array.from({ length: 40 }, (_, i) => rating(i + 1, 4, 0));
    await push(user, films);
    const later = [rating(3, 5, 1), { kind: 'rating', key: '4', value: null, hlc: at(1) } as const];
    await push(user, later);
    const held = [...films.filter((c) => c.key !== '3' && c.key !== '4'), ...later];

    const answer = await digestOfCells(db(), user, NOW);
    expect(answer.digest).toEqual(cellDigest(held));
    expect(answer.cells).toBe(40);
    expect(answer.cursor).toBe((await pullChanges(db(), user, { since: 0, limit: 1000 })).cursor);
    // One changed clock changes exactly its bucket.
    const stale = cellDigest([...held.filter((c) => c.key !== '3'), rating(3, 5, 0)]);
    expect(answer.digest.filter((d, b) => d !== stale[b])).toHaveLength(1);
  });

  it('gives the cells of the asked buckets and nothing else, and nobody else’s', async () => {
    const user = randomUUID();
    const films = Array.from({ length: 60 }, (_, i) => rating(i + 1, 3, 0));
    await push(user, films);
    await push(randomUUID(), [rating(1000, 5, 0)]);
    const asked = [0, 7, DIGEST_BUCKETS - 1];
    const { changes } = await cellsInBuckets(db(), user, asked, NOW);
    const expected = films.filter((c) => asked.includes(cellBucket(c.kind, c.key)));
    expect(expected.length).toBeGreaterThan(0);
    expect(changes).toHaveLength(expected.length);
    expect(changes).toEqual(expect.arrayContaining(expected));

    const stranger = await digestOfCells(db(), randomUUID(), NOW);
    expect(stranger).toMatchObject({ cells: 0, cursor: 0, digest: cellDigest([]) });
  });
});
