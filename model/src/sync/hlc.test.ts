import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  formatHlc,
  type Hlc,
  hlcStringSchema,
  MAX_CLOCK_DRIFT_MS,
  observe,
  parseHlc,
  receive,
  tick,
} from './hlc';

const node = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const hlc = fc.record({
  millis: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  counter: fc.integer({ min: 0, max: 0xffff }),
  node,
});

describe('hybrid logical clock', () => {
  it('round-trips through its text form, and the text sorts like the clock', () => {
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        expect(parseHlc(formatHlc(a))).toEqual(a);
        const byText = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(Math.sign(compareHlc(a, b))).toBe(byText);
      }),
    );
  });

  it('never goes backwards, whatever the wall clock and remote clocks do', () => {
    fc.assert(
      fc.property(
        node,
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 1e6 }), hlc), { maxLength: 60 }),
        (self, events) => {
          let clock: Hlc = { millis: 0, counter: 0, node: self };
          for (const [isRemote, now, remote] of events) {
            const next = isRemote
              ? receive(clock, { ...remote, millis: Math.min(remote.millis, now) }, now)
              : tick(clock, now);
            if (!next.ok) continue;
            expect(compareHlc(next.clock, clock)).toBeGreaterThan(0);
            if (isRemote)
              expect(next.clock.millis).toBeGreaterThanOrEqual(Math.min(remote.millis, now));
            clock = next.clock;
          }
        },
      ),
    );
  });

  it('refuses a remote timestamp more than 5 minutes ahead', () => {
    const clock: Hlc = { millis: 1_000_000, counter: 0, node: 'a' };
    const now = 1_000_000;
    expect(
      receive(clock, { millis: now + MAX_CLOCK_DRIFT_MS + 1, counter: 0, node: 'b' }, now),
    ).toEqual({ ok: false, reason: 'clock-drift' });
    expect(
      receive(clock, { millis: now + MAX_CLOCK_DRIFT_MS, counter: 0, node: 'b' }, now).ok,
    ).toBe(true);
  });

  it('refuses, in the same property, every remote timestamp too far ahead, and moves nothing', () => {
    fc.assert(
      fc.property(
        hlc,
        hlc,
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        (clock, remote, now) => {
          const seen = receive(clock, remote, now);
          if (remote.millis - now > MAX_CLOCK_DRIFT_MS)
            expect(seen).toEqual({ ok: false, reason: 'clock-drift' });
          else if (seen.ok) expect(compareHlc(seen.clock, remote)).toBeGreaterThan(0);
          // observe (for stamps the server vouches for) never refuses for drift.
          const observed = observe(clock, remote, now);
          if (observed.ok) {
            expect(compareHlc(observed.clock, clock)).toBeGreaterThan(0);
            expect(observed.clock.millis).toBeGreaterThanOrEqual(remote.millis);
          } else expect(observed.reason).toBe('counter-overflow');
        },
      ),
    );
  });

  it('refuses malformed text with a readable message', () => {
    expect(() => parseHlc('yesterday')).toThrow(/A clock timestamp looks like/);
  });

  it('parses the date, not just its pattern: no month 13, no 25 o’clock', () => {
    for (const text of [
      '9999-99-99T99:99:99.999Z-ffff-zzzz',
      '2024-13-45T25:61:61.000Z-0000-device1',
      '2023-02-29T00:00:00.000Z-0000-device1',
    ]) {
      expect(hlcStringSchema.safeParse(text).success).toBe(false);
    }
    expect(hlcStringSchema.safeParse('2024-02-29T23:59:59.999Z-ffff-device1').success).toBe(true);
  });
});
