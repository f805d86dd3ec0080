import { describe, expect, it } from 'vitest';
import { diversify } from './diversify';
import { topK } from './top-k';

// Items 0-3 point the same way (near duplicates), items 4-5 elsewhere; scores favour 0-3.
const k = 2;
const factors = Float32Array.of(1, 0, 0.99, 0.1, 0.98, 0.05, 0.97, 0.12, 0, 1, 0.1, 0.99);
const scores = Float32Array.of(1.0, 0.95, 0.9, 0.85, 0.6, 0.55);

describe('diversify (MMR)', () => {
  it('keeps the ranking by score at diversity 0', () => {
    expect(Array.from(diversify(scores, factors, k, { count: 4, diversity: 0 }))).toEqual(
      Array.from(topK(scores, 4)),
    );
  });

  it('brings a different kind of film into the top at higher diversity', () => {
    const picked = Array.from(diversify(scores, factors, k, { count: 3, diversity: 0.5 }));
    expect(picked[0]).toBe(0); // the best item still leads
    expect(picked.some((item) => item >= 4)).toBe(true);
    expect(new Set(picked).size).toBe(picked.length);
  });

  it('respects candidates and refuses a diversity outside 0-1', () => {
    const candidates = Uint8Array.of(0, 1, 1, 1, 1, 1);
    expect(
      Array.from(diversify(scores, factors, k, { count: 6, diversity: 0.7, candidates })),
    ).not.toContain(0);
    expect(() => diversify(scores, factors, k, { count: 3, diversity: 1.5 })).toThrow(
      /diversity must be 0-1/,
    );
  });
});
