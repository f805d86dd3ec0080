// Runs in browser, worker and Node. Tells how far a training is, with an estimate of what is left.
import { nowMs } from '../clock';

/**
 * An `onWork` listener for a TrainPool's run: says "Training: 35% (about 2 min 10 s
 * left)" each time another twentieth of `total` work is done.
 */
export function trainingProgress(
  total: number,
  say: (message: string) => void,
  now: () => number = nowMs,
): (work: number) => void {
  const started = now();
  let done = 0;
  let told = 0;
  return (work) => {
    done += work;
    const share = Math.min(1, done / Math.max(1, total));
    const step = Math.floor(share * 20);
    if (step <= told || share >= 1) return;
    told = step;
    const elapsed = now() - started;
    const left = (elapsed / share) * (1 - share);
    say(`Training: ${Math.round(share * 100)}% (about ${duration(left)} left)`);
  };
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${seconds % 60} s`;
}
