import { describe, expect, it } from 'vitest';
import { fakeClock } from '../test-support/fake-clock';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets a burst through, then keeps to the rate in every window', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(40 / 10, 10, clock); // TMDB's old published limit: 40 per 10 s
    const times: number[] = [];
    for (let i = 0; i < 120; i++) {
      await bucket.take();
      times.push(clock.elapsed);
    }
    expect(times.slice(0, 10).every((t) => t === 0)).toBe(true);
    // In any 10-second window: at most the burst plus 10 s of refill.
    for (let start = 0; start <= times.at(-1)!; start += 500) {
      const inWindow = times.filter((t) => t >= start && t < start + 10_000).length;
      expect(inWindow).toBeLessThanOrEqual(10 + 40);
    }
    expect(times.at(-1)).toBeCloseTo(((120 - 10) / 4) * 1000, -1);
  });

  it('serves concurrent callers in order', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(1, 1, clock);
    const order: number[] = [];
    await Promise.all([0, 1, 2].map((i) => bucket.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2]);
    expect(clock.elapsed).toBe(2000);
  });

  it('answers false at once, using nothing, when the wait would be longer than allowed', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(1000 / 86_400, 2, clock); // OMDb's free key: 1,000 a day
    expect(await bucket.take(2000)).toBe(true);
    expect(await bucket.take(2000)).toBe(true);
    expect(await bucket.take(2000)).toBe(false);
    expect(clock.elapsed).toBe(0);
    // Whoever may wait still gets the next token when it comes.
    expect(await bucket.take()).toBe(true);
    expect(clock.elapsed).toBeCloseTo(86_400, -1);
  });

  it('pauses everyone for a Retry-After', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, 10, clock);
    bucket.pause(3000);
    await bucket.take();
    expect(clock.elapsed).toBeGreaterThanOrEqual(3000);
  });
});
