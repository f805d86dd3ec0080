// Runs in browser, worker and Node.
import type { Interactions } from '../data/interactions';
import type { FitContext, ModelSpec, Recommender } from '../recommender/recommender';

/** Hyperparameters chosen so far in one evaluation run, by model name. */
export type ChosenParams = Map<string, Record<string, number>>;

/** The grid a spec is tuned over: its own entries laid over the choice of the spec it inherits. */
export function gridOf(spec: ModelSpec, chosen: ChosenParams): Record<string, number>[] {
  if (!spec.inherits) return [...spec.grid];
  const base = chosen.get(spec.inherits);
  if (!base)
    throw new RangeError(
      `Model ${spec.name} inherits from ${spec.inherits}, which has not run before it.`,
    );
  return spec.grid.map((entry) => ({ ...base, ...entry }));
}

/**
 * Picks the grid entry with the best validation score; the first wins ties.
 * A one-entry grid is returned without evaluating anything.
 */
export function chooseParams<P extends Record<string, number>>(
  name: string,
  grid: readonly P[],
  validate: (params: P) => number,
  goal: 'minimise' | 'maximise',
): P {
  const [first, ...rest] = grid;
  if (!first) throw new RangeError(`Model ${name} has an empty hyperparameter grid.`);
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

/** Training data of one fit: the ratings and what else the model may know. */
export interface FitData {
  train: Interactions;
  context: FitContext;
}

/**
 * Tunes `spec` on the validation data (scoring each candidate with `validate`), records the
 * choice under the spec's name, then fits the chosen model on the full training data, timed.
 */
export function fitTuned(
  spec: ModelSpec,
  chosen: ChosenParams,
  validation: FitData,
  full: FitData,
  validate: (model: Recommender) => number,
  goal: 'minimise' | 'maximise',
  now: () => number,
): { model: Recommender; params: Record<string, number>; fitMs: number } {
  const params = chooseParams(
    spec.name,
    gridOf(spec, chosen),
    (p) => {
      const candidate = spec.create(p);
      candidate.fit(validation.train, validation.context);
      return validate(candidate);
    },
    goal,
  );
  chosen.set(spec.name, params);
  const model = spec.create(params);
  const started = now();
  model.fit(full.train, full.context);
  return { model, params, fitMs: now() - started };
}
