import { describe, expect, it } from 'vitest';
import { errorMetrics, hitAtK, ndcgAtK, recallAtK } from './metrics';

const log2 = Math.log2;

describe('ndcgAtK', () => {
  it('is 1 for a perfect ranking', () => {
    expect(ndcgAtK([7, 3, 9], new Set([7, 3]), 10)).toBeCloseTo(1, 12);
  });

  it('discounts a hit by its rank (hand-computed)', () => {
    // One relevant item at rank 3: DCG = 1/log2(4) = 0.5; IDCG = 1/log2(2) = 1.
    expect(ndcgAtK([1, 2, 5, 6], new Set([5]), 10)).toBeCloseTo(0.5, 12);
    // Relevant {2, 6} at ranks 2 and 4: DCG = 1/log2(3) + 1/log2(5); IDCG = 1 + 1/log2(3).
    expect(ndcgAtK([1, 2, 5, 6], new Set([2, 6]), 10)).toBeCloseTo(
      (1 / log2(3) + 1 / log2(5)) / (1 + 1 / log2(3)),
      12,
    );
  });

  it('uses min(k, |relevant|) ideal hits when more items are relevant than k', () => {
    const relevant = new Set([1, 2, 3, 4]);
    // k = 2: top two are both relevant: perfect, although two more relevant items exist.
    expect(ndcgAtK([1, 2, 9, 9], relevant, 2)).toBeCloseTo(1, 12);
  });

  it('ignores hits below k', () => {
    expect(ndcgAtK([1, 2, 3], new Set([3]), 2)).toBe(0);
  });

  it('is 0 for a user with no relevant item', () => {
    expect(ndcgAtK([1, 2, 3], new Set(), 10)).toBe(0);
  });
});

describe('recallAtK', () => {
  it('divides hits by min(k, |relevant|)', () => {
    expect(recallAtK([1, 2, 3, 4], new Set([2, 4, 8]), 20)).toBeCloseTo(2 / 3, 12);
    // Fewer slots than relevant items: 2 hits of k = 2 is full recall.
    expect(recallAtK([2, 4, 5], new Set([2, 4, 8]), 2)).toBe(1);
  });

  it('counts a shorter list than k without failing', () => {
    expect(recallAtK([2], new Set([2, 3]), 20)).toBe(0.5);
  });

  it('is 0 with no relevant item', () => {
    expect(recallAtK([1], new Set(), 20)).toBe(0);
  });
});

describe('hitAtK', () => {
  it('is 1 when any top-k item is relevant, else 0', () => {
    expect(hitAtK([5, 6, 7], new Set([7]), 3)).toBe(1);
    expect(hitAtK([5, 6, 7], new Set([7]), 2)).toBe(0);
  });
});

describe('errorMetrics', () => {
  it('computes RMSE and MAE by hand', () => {
    // errors 1, -1, 2: MSE = 6/3 = 2, MAE = 4/3.
    const { rmse, mae } = errorMetrics([4, 3, 5], [3, 4, 3]);
    expect(rmse).toBeCloseTo(Math.SQRT2, 12);
    expect(mae).toBeCloseTo(4 / 3, 12);
  });

  it('refuses arrays of different lengths', () => {
    expect(() => errorMetrics([1], [1, 2])).toThrow(RangeError);
  });
});
