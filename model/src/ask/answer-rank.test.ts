import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { percentiles, topIndexes } from './answer-rank';

describe('percentiles', () => {
  it('places each value among the others, ties sharing the middle of their run', () => {
    expect(Array.from(percentiles(Float64Array.of(10, 30, 20)))).toEqual([0, 1, 0.5]);
    expect(Array.from(percentiles(Float64Array.of(1, 5, 5, 9)))).toEqual([0, 0.5, 0.5, 1]);
  });

  it('puts unknown (NaN) and -Infinity lowest', () => {
    const out = percentiles(Float64Array.of(NaN, 2, -Infinity, 1));
    expect(out[1]).toBe(1);
    expect(out[0]).toBe(out[2]);
    expect(out[0]).toBeLessThan(out[3]!);
  });

  it('beyond the sample, keeps the order of values and stays near their exact place', () => {
    const n = 50_000;
    const ramp = percentiles(Float64Array.from({ length: n }, (_, i) => i));
    for (let i = 0; i < n; i += 997)
      expect(Math.abs(ramp[i]! - i / (n - 1))).toBeLessThan(2 / 1024);
    // A shuffled input is measured against a sample of 1,024 of its values: near, and in order.
    const random = mulberry32(5);
    const values = Float64Array.from({ length: n }, () => random());
    const out = percentiles(values);
    const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
    for (let k = 1; k < n; k++) expect(out[order[k]!]).toBeGreaterThanOrEqual(out[order[k - 1]!]!);
    for (let k = 0; k < n; k += 997)
      expect(Math.abs(out[order[k]!]! - k / (n - 1))).toBeLessThan(0.05);
  });
});

describe('topIndexes', () => {
  it('gives the best first, ties in their first order', () => {
    expect(topIndexes(Float64Array.of(1, 3, 2, 3, 0), 3)).toEqual([1, 3, 2]);
    expect(topIndexes(Float64Array.of(1, 2), 5)).toEqual([1, 0]);
  });
});
