// Runs in Node. Retrains on a schedule, in a child process: training is CPU-bound for seconds to
// minutes and must not stall the server's requests.
import type { ChildProcess } from 'node:child_process';

export interface RetrainSchedule {
  /** Starts a retraining now unless one is running; resolves when it ends. */
  runNow(): Promise<'done' | 'failed' | 'skipped'>;
  /** Stops the timer and abandons a running retraining (the old snapshot stays current). */
  stop(): void;
}

/**
 * Every `intervalMs`, runs `spawnRetrain()` (a child process running the retrain command) unless
 * the previous one is still going. A failed run is logged and the next interval tries again.
 */
export function scheduleRetraining(
  intervalMs: number,
  spawnRetrain: () => ChildProcess,
  log: (line: string) => void = console.log,
): RetrainSchedule {
  let running: ChildProcess | null = null;
  const runNow = (): Promise<'done' | 'failed' | 'skipped'> => {
    if (running) return Promise.resolve('skipped');
    const child = spawnRetrain();
    running = child;
    return new Promise((resolve) => {
      child.once('exit', (code) => {
        running = null;
        log(
          code === 0
            ? 'Retraining finished.'
            : `Retraining failed (exit ${code}); the current model stays.`,
        );
        resolve(code === 0 ? 'done' : 'failed');
      });
    });
  };
  const timer = intervalMs > 0 ? setInterval(() => void runNow(), intervalMs) : null;
  timer?.unref();
  return {
    runNow,
    stop() {
      if (timer) clearInterval(timer);
      running?.kill('SIGTERM');
    },
  };
}
