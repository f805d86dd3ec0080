// Runs in browser, worker and Node: all three have performance.now(); model/ has no DOM types.
declare const performance: { now(): number };

/** Milliseconds from a monotonic clock, for timing fits and scoring. */
export function nowMs(): number {
  return performance.now();
}
