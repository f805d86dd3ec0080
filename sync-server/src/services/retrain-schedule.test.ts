import { describe, expect, it } from 'vitest';
import type { RunningRetrain } from './retrain';
import { scheduleRetraining } from './retrain-schedule';

/** A retraining that ends with `code` after `ms`, or with 1 when stopped. */
const child = (code: number, ms: number) => (): RunningRetrain => {
  let stop = () => {};
  const exited = new Promise<number>((resolve) => {
    const timer = setTimeout(() => resolve(code), ms);
    stop = () => {
      clearTimeout(timer);
      resolve(1);
    };
  });
  return { exited, stop: () => stop() };
};

describe('scheduleRetraining', () => {
  it('never runs two retrainings at once, and reports failures', async () => {
    const lines: string[] = [];
    const schedule = scheduleRetraining(0, child(0, 300), (line) => lines.push(line));
    const first = schedule.runNow();
    expect(await schedule.runNow()).toBe('skipped');
    expect(await first).toBe('done');
    const failing = scheduleRetraining(0, child(3, 10), (line) => lines.push(line));
    expect(await failing.runNow()).toBe('failed');
    expect(lines).toEqual([
      'Retraining finished.',
      'Retraining failed (exit 3); the current model stays.',
    ]);
  });

  it('abandons a running retraining on stop', async () => {
    const schedule = scheduleRetraining(0, child(0, 30_000), () => {});
    const run = schedule.runNow();
    schedule.stop();
    expect(await run).toBe('failed');
  });
});
