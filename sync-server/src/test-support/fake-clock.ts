// Runs in Node, in tests: a clock that only moves when someone sleeps, so that throttling tests
// are exact and instant, whatever else the machine is doing.
import type { Clock } from '../providers/token-bucket';

export interface FakeClock extends Clock {
  /** Milliseconds slept so far, by everyone. */
  elapsed: number;
}

export function fakeClock(): FakeClock {
  const clock = {
    elapsed: 0,
    now: () => clock.elapsed,
    sleep: async (ms: number) => {
      clock.elapsed += ms;
    },
  };
  return clock;
}
