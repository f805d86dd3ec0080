import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { NUM_FEATURES } from './features';
import { trainPersonalWeights } from './personal-model';
import { TRAINING_DEFAULTS } from './training-params';

/** 200 films with random features; the person likes the films where feature 2 is high. */
function person() {
  const random = mulberry32(3);
  const features = Float32Array.from({ length: 200 * NUM_FEATURES }, () => random() * 2 - 1);
  const order = Array.from({ length: 200 }, (_, i) => i).sort(
    (a, b) => features[b * NUM_FEATURES + 2]! - features[a * NUM_FEATURES + 2]!,
  );
  const positives = order.slice(0, 10);
  const negatives = new Uint8Array(200).fill(1);
  for (const p of positives) negatives[p] = 0;
  return { features, positives, negatives };
}
const prior = Float32Array.from([1, 0, 0, 0, 0]);

describe('trainPersonalWeights', () => {
  it('learns the feature that separates what the person liked', () => {
    const { features, positives, negatives } = person();
    const weights = trainPersonalWeights(features, positives, negatives, prior, {
      ...TRAINING_DEFAULTS,
      steps: 60,
      pull: 0.01,
    });
    expect(weights[2]).toBeGreaterThan(0.5);
    expect(Math.abs(weights[2]!)).toBeGreaterThan(Math.abs(weights[4]!));
  });

  it('stays near the prior when pulled hard, and is the prior without steps or positives', () => {
    const { features, positives, negatives } = person();
    const pulled = trainPersonalWeights(features, positives, negatives, prior, {
      ...TRAINING_DEFAULTS,
      steps: 60,
      pull: 100,
    });
    for (let f = 0; f < NUM_FEATURES; f++) expect(pulled[f]).toBeCloseTo(prior[f]!, 1);
    const none = { ...TRAINING_DEFAULTS, steps: 0 };
    expect(Array.from(trainPersonalWeights(features, positives, negatives, prior, none))).toEqual([
      ...prior,
    ]);
    expect(
      Array.from(trainPersonalWeights(features, [], negatives, prior, TRAINING_DEFAULTS)),
    ).toEqual([...prior]);
  });

  it('pushes down what the person disliked, given as explicit negatives', () => {
    const { features, positives, negatives } = person();
    // Disliked films score high on feature 3 and liked ones do not: feature 3 must go negative.
    const disliked = [0, 1, 2, 3];
    for (const d of disliked) features[d * NUM_FEATURES + 3] = 3;
    for (const p of positives) features[p * NUM_FEATURES + 3] = -1;
    const weights = trainPersonalWeights(
      features,
      positives,
      negatives,
      prior,
      { ...TRAINING_DEFAULTS, steps: 60, pull: 0.01, negativesPerPositive: 1 },
      disliked,
    );
    expect(weights[3]).toBeLessThan(-0.3);
  });
});
