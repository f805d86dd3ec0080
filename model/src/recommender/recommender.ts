// Runs in browser, worker and Node.
import type { Interactions } from '../data/interactions';
import type { ContentDocument } from './content-map';

/** What a model may know besides the ratings, indexed like the training items. */
export interface FitContext {
  content?: readonly ContentDocument[];
}

/**
 * A model the evaluation (and later the server and the worker) can train and ask.
 * Users and items are dense indices of the training Interactions.
 */
export interface Recommender {
  /** Learns from the training ratings. */
  fit(train: Interactions, context?: FitContext): void;
  /** Predicted stars for one user and item (task A); absent when the model only ranks. */
  predict?(user: number, item: number): number;
  /** Writes a score for every item into `out` (task B); absent when the model only predicts. */
  scoreAll?(user: number, out: Float32Array): void;
}

/** How to build a model, and the hyperparameter values to choose from on the validation split. */
export interface ModelSpec<P extends Record<string, number> = Record<string, number>> {
  readonly name: string;
  /** What the model does: predict stars (EVAL.md task A), rank films (task B), or both. */
  readonly tasks: readonly ('predict' | 'rank')[];
  /** Candidate hyperparameters; the first is the default. A single entry means nothing to tune. */
  readonly grid: readonly P[];
  /**
   * Another spec whose chosen hyperparameters this one starts from (it must run earlier);
   * each grid entry is laid over them. For ablations that share one tuned model.
   */
  readonly inherits?: string;
  create(params: P): Recommender;
}
