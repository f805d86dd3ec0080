// Runs in browser, worker and Node. How the personal model trains (personal-model.ts), apart from
// tfjs so that the device can name them without loading it.

export interface TrainingParams {
  /** Optimiser steps; 0 keeps the prior. */
  steps: number;
  learningRate: number;
  /** Strength of the pull toward the prior weights (L2 on the difference). */
  pull: number;
  /** Unrated films sampled against each liked one. */
  negativesPerPositive: number;
  seed: number;
}

export const TRAINING_DEFAULTS: TrainingParams = {
  steps: 40,
  learningRate: 0.05,
  pull: 0.3,
  negativesPerPositive: 20,
  seed: 11,
};
