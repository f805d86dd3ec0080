import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('grows with each attempt, stays within its ceiling, and never exceeds 5 minutes', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const ceiling = Math.min(300_000, 2_000 * 2 ** attempt);
        const delay = retryDelayMs(attempt, () => r);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2 - 1);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
    expect(retryDelayMs(0, () => 1)).toBe(2_000);
    expect(retryDelayMs(3, () => 1)).toBe(16_000);
    expect(retryDelayMs(30, () => 1)).toBe(300_000);
  });

  it('spreads devices out: the same attempt gives different waits for different draws', () => {
    expect(retryDelayMs(4, () => 0)).toBeLessThan(retryDelayMs(4, () => 0.99));
  });
});
