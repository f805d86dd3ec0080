// Runs in Node. Retrains on a schedule, off the server's thread: training is CPU-bound for seconds
// to minutes and must not stall the server's requests.
import type { RunningRetrain } from './retrain';

export interface RetrainSchedule {
  /** Starts a retraining now unless one is running; resolves when it ends. */
  runNow(): Promise<'done' | 'failed' | 'skipped'>;
  /** Stops the timer and abandons a running retraining (the old snapshot stays current). */
  stop(): void;
}

/**
 * Every `intervalMs`, runs `startRetrain()` (a worker thread training, see retrainInWorker) unless
 * the previous one is still going. A failed run is logged and the next interval tries again.
 */
export function scheduleRetraining(
  intervalMs: number,
  startRetrain: () => RunningRetrain,
  log: (line: string) => void = console.log,
): RetrainSchedule {
  let running: RunningRetrain | null = null;
  const runNow = async (): Promise<'done' | 'failed' | 'skipped'> => {
    if (running) return 'skipped';
    running = startRetrain();
    const code = await running.exited;
    running = null;
    log(
      code === 0
        ? 'Retraining finished.'
        : `Retraining failed (exit ${code}); the current model stays.`,
    );
    return code === 0 ? 'done' : 'failed';
  };
  const timer = intervalMs > 0 ? setInterval(() => void runNow(), intervalMs) : null;
  timer?.unref();
  return {
    runNow,
    stop() {
      if (timer) clearInterval(timer);
      running?.stop();
    },
  };
}
