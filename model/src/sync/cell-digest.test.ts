import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellBucket, cellDigest, DIGEST_BUCKETS, differingBuckets } from './cell-digest';

const stamp = fc.record({
  kind: fc.constantFrom('rating', 'watchlist', 'viewing'),
  key: fc.integer({ min: 1, max: 200 }).map(String),
  hlc: fc
    .integer({ min: 0, max: 50 })
    .map((c) => `2024-05-01T20:15:00.000Z-${c.toString(16).padStart(4, '0')}-d1`),
});
const cells = fc.uniqueArray(stamp, { selector: (c) => `${c.kind}:${c.key}`, maxLength: 60 });

describe('cell digest', () => {
  it('does not depend on the order the cells are read in', () => {
    fc.assert(
      fc.property(cells, (list) => {
        expect(cellDigest([...list].reverse())).toEqual(cellDigest(list));
      }),
    );
  });

  it('changes exactly the bucket of a cell whose clock changed, added or removed', () => {
    fc.assert(
      fc.property(cells, fc.nat(), (list, pick) => {
        fc.pre(list.length > 0);
        const i = pick % list.length;
        const cell = list[i]!;
        const bucket = cellBucket(cell.kind, cell.key);
        const moved = list.map((c, j) => (j === i ? { ...c, hlc: `${c.hlc}x` } : c));
        const removed = list.filter((_, j) => j !== i);
        expect(differingBuckets(cellDigest(list), cellDigest(moved))).toEqual([bucket]);
        expect(differingBuckets(cellDigest(list), cellDigest(removed))).toEqual([bucket]);
      }),
    );
  });

  it('has one 16-hex-digit entry per bucket, all zero when empty', () => {
    const empty = cellDigest([]);
    expect(empty).toHaveLength(DIGEST_BUCKETS);
    expect(new Set(empty)).toEqual(new Set(['0000000000000000']));
  });
});
