import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topK } from './top-k';

/** Reference: full sort by (score desc, index asc). */
function referenceTopK(scores: number[], k: number, candidates?: Uint8Array): number[] {
  return scores
    .map((s, i) => ({ s: Number.isNaN(s) ? -Infinity : s, i }))
    .filter(({ i }) => !candidates || candidates[i] === 1)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, k)
    .map(({ i }) => i);
}

describe('topK', () => {
  it('breaks ties by the lower index', () => {
    expect(Array.from(topK(Float32Array.of(1, 3, 3, 2), 2))).toEqual([1, 2]);
    expect(Array.from(topK(Float32Array.of(5, 5, 5, 5), 3))).toEqual([0, 1, 2]);
  });

  it('skips items that are not candidates', () => {
    expect(Array.from(topK(Float32Array.of(9, 8, 7), 2, Uint8Array.of(0, 1, 1)))).toEqual([1, 2]);
  });

  it('returns fewer than k when there are fewer candidates', () => {
    expect(Array.from(topK(Float32Array.of(1, 2), 5))).toEqual([1, 0]);
    expect(Array.from(topK(Float32Array.of(1, 2), 0))).toEqual([]);
  });

  it('matches a full sort on random scores with many ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(Number.NaN)), {
          maxLength: 200,
        }),
        fc.integer({ min: 0, max: 30 }),
        fc.infiniteStream(fc.boolean()),
        (scores, k, flags) => {
          const candidates = Uint8Array.from(scores, () => (flags.next().value ? 1 : 0));
          expect(Array.from(topK(scores, k, candidates))).toEqual(
            referenceTopK(scores, k, candidates),
          );
        },
      ),
    );
  });
});
