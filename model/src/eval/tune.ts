// Runs in browser, worker and Node.
import type { ModelSpec } from '../recommender/recommender';

/**
 * Picks the grid entry with the best validation score; the first wins ties.
 * A one-entry grid is returned without evaluating anything.
 */
export function chooseParams<P extends Record<string, number>>(
  spec: ModelSpec<P>,
  validate: (params: P) => number,
  goal: 'minimise' | 'maximise',
): P {
  const [first, ...rest] = spec.grid;
  if (!first) throw new RangeError(`Model ${spec.name} has an empty hyperparameter grid.`);
  if (rest.length === 0) return first;
  let best = first;
  let bestScore = validate(first);
  for (const params of rest) {
    const score = validate(params);
    const isBetter = goal === 'minimise' ? score < bestScore : score > bestScore;
    if (isBetter) {
      best = params;
      bestScore = score;
    }
  }
  return best;
}
