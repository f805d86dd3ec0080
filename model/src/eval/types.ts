// Runs in browser, worker and Node.
import type { EvalContent } from './content-context';

export type TaskName = 'A' | 'B';

/** Metric names exactly as ../shared/EVAL.md spells them. */
export type RatingMetrics = { RMSE: number; MAE: number };
export type RankingMetrics = {
  'NDCG@10': number;
  'Recall@20': number;
  'HR@10': number;
  'Coverage@10': number;
};

/** One model's line of the evaluation report. */
export interface EvalRow<M = RatingMetrics | RankingMetrics> {
  model: string;
  task: TaskName;
  /** Hyperparameters chosen on the validation split (empty when there is nothing to tune). */
  params: Record<string, number>;
  metrics: M;
  /** Time to fit on the full training split. */
  fitMs: number;
  /** Median time to score one user over all items. */
  scoreMs: number;
}

export interface EvalOptions {
  /** Film content (genres, tags, people), for models that use it. */
  content?: EvalContent;
  /** Monotonic milliseconds; injected so that the protocol stays free of platform APIs. */
  now?: () => number;
  /** Called as each model finishes, for progress output. */
  onRow?: (row: EvalRow) => void;
}

/** Median of a non-empty list; NaN for an empty one. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
