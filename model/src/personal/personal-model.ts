// Runs in browser, worker and Node. The personal model: a weight per feature, learned from one
// person's own ratings with tfjs, pairwise (BPR: Rendle et al. 2009) and pulled toward the prior.
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '../random';
import { NUM_FEATURES } from './features';
import type { TrainingParams } from './training-params';

/**
 * The CPU backend runs everywhere (Node for the evaluation, the worker in the browser) and is
 * plenty for a few hundred pairs and five weights; choosing it skips probing for WebGL.
 */
function useCpu(): void {
  if (tf.getBackend() !== 'cpu') void tf.setBackend('cpu');
}

/**
 * Weights that rank each of `positives` above unrated films (`negatives`: a 0/1 mask) and above
 * the films the person rated low (`disliked`), starting at `prior`. Returns the prior when there
 * is nothing to learn from.
 */
export function trainPersonalWeights(
  features: Float32Array,
  positives: readonly number[],
  negatives: Uint8Array,
  prior: Float32Array,
  params: TrainingParams,
  disliked: readonly number[] = [],
): Float32Array {
  const pool: number[] = [];
  for (let i = 0; i < negatives.length; i++) if (negatives[i]) pool.push(i);
  if (params.steps <= 0 || positives.length === 0 || pool.length === 0) return prior.slice();
  const random = mulberry32(params.seed);
  const pairs = positives.length * (params.negativesPerPositive + disliked.length);
  const differences = new Float32Array(pairs * NUM_FEATURES);
  let row = 0;
  for (const positive of positives) {
    const sampled = Array.from(
      { length: params.negativesPerPositive },
      () => pool[Math.floor(random() * pool.length)]!,
    );
    for (const negative of [...sampled, ...disliked]) {
      for (let f = 0; f < NUM_FEATURES; f++) {
        differences[row * NUM_FEATURES + f] =
          features[positive * NUM_FEATURES + f]! - features[negative * NUM_FEATURES + f]!;
      }
      row++;
    }
  }
  useCpu();
  const weights = tf.variable(tf.tensor2d(prior, [NUM_FEATURES, 1]));
  const optimiser = tf.train.adam(params.learningRate);
  try {
    tf.tidy(() => {
      const x = tf.tensor2d(differences, [pairs, NUM_FEATURES]);
      const anchor = tf.tensor2d(prior, [NUM_FEATURES, 1]);
      for (let step = 0; step < params.steps; step++) {
        optimiser.minimize(
          () =>
            tf.add(
              // -log σ(d·w) written as softplus(-d·w): tfjs 4.22's logSigmoid gradient fails
              // under an optimiser (it reads a tensor its own tidy already freed).
              tf.mean(tf.softplus(tf.neg(tf.matMul(x, weights)))),
              tf.mul(params.pull, tf.sum(tf.square(tf.sub(weights, anchor)))),
            ) as tf.Scalar,
        );
      }
    });
    return Float32Array.from(weights.dataSync());
  } finally {
    weights.dispose();
    optimiser.dispose();
  }
}
