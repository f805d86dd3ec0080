import { describe, expect, it } from 'vitest';
import { fitDirect, fitWoodbury } from './ease';
import { twoTasteGroups } from './test-data';

describe('EASE', () => {
  it('scores the same by the Woodbury identity as by the direct inverse', () => {
    const train = twoTasteGroups(20, 30); // fewer users than items: Woodbury's case
    const woodbury = fitWoodbury(train, 50);
    const direct = fitDirect(train, 50);
    const a = new Float32Array(train.numItems);
    const b = new Float32Array(train.numItems);
    for (const user of [0, 5, 19]) {
      woodbury.scoreAll(user, a);
      direct.scoreAll(user, b);
      // Rated items differ by design (direct leaves x_u B with B_ii = 0); compare unrated ones.
      const rated = new Set(
        train.byUser.cols.subarray(train.byUser.ptr[user], train.byUser.ptr[user + 1]),
      );
      for (let i = 0; i < train.numItems; i++)
        if (!rated.has(i)) expect(a[i]).toBeCloseTo(b[i]!, 4);
    }
  });

  it('ranks a user’s own taste group first', () => {
    // EASE reads only who rated what, so here people mostly rate the films they like.
    const train = twoTasteGroups(20, 30, 0.6, 1, 0.1);
    const scores = new Float32Array(train.numItems);
    fitWoodbury(train, 10).scoreAll(1, scores); // dense user 1 is userId 2: group A likes films 1-15
    const mean = (from: number, to: number) =>
      scores.slice(from, to).reduce((s, v) => s + v, 0) / (to - from);
    expect(mean(0, 15)).toBeGreaterThan(mean(15, 30));
  });
});
