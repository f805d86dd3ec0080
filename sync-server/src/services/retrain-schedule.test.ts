import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scheduleRetraining } from './retrain-schedule';

const child = (code: number, ms: number) => () =>
  spawn(process.execPath, ['-e', `setTimeout(() => process.exit(${code}), ${ms})`]);

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
