// Runs in browser, worker and Node.
// Task A of ../shared/EVAL.md: rating prediction, RMSE and MAE.
import { buildInteractions } from '../data/interactions';
import type { IdIndex } from '../data/id-index';
import type { RatingTable } from '../data/rating-table';
import { MAX_RATING, MIN_RATING } from '../schemas/rating';
import type { ModelSpec, Recommender } from '../recommender/recommender';
import { nowMs } from '../clock';
import { errorMetrics } from './metrics';
import { ratingSplit, ratingValidationSplit } from './splits';
import { contentFor } from './content-context';
import { type ChosenParams, type FitData, fitTuned } from './tune';
import { type EvalOptions, type EvalRow, median, type RatingMetrics } from './types';

export interface RatingTaskReport {
  trainSize: number;
  testSize: number;
  rows: EvalRow<RatingMetrics>[];
}

/** How many users the per-user scoring time is measured on. */
const TIMED_USERS = 100;

/** RMSE and MAE of a fitted model over `test`, predictions clipped to [0.5, 5]. */
export function scoreRatings(
  model: Recommender,
  test: RatingTable,
  users: IdIndex,
  items: IdIndex,
): RatingMetrics {
  const predict = model.predict;
  if (!predict) throw new TypeError('This model does not predict ratings.');
  const predicted = new Float64Array(test.length);
  for (let row = 0; row < test.length; row++) {
    const p = predict.call(
      model,
      users.indexOf(test.userIds[row]!),
      items.indexOf(test.movieIds[row]!),
    );
    predicted[row] = Math.min(MAX_RATING, Math.max(MIN_RATING, p));
  }
  const { rmse, mae } = errorMetrics(predicted, test.ratings);
  return { RMSE: rmse, MAE: mae };
}

/** Runs task A for every spec that predicts: tune on validation, fit on train, score test. */
export function runRatingTask(
  table: RatingTable,
  users: IdIndex,
  items: IdIndex,
  specs: readonly ModelSpec[],
  options: EvalOptions = {},
): RatingTaskReport {
  const now = options.now ?? nowMs;
  const { train, test } = ratingSplit(table);
  const validation = ratingValidationSplit(train);
  const fitData = (part: RatingTable): FitData => ({
    train: buildInteractions(part, users, items),
    context: options.content ? { content: contentFor(items, options.content, table, part) } : {},
  });
  const full = fitData(train);
  const validationData = fitData(validation.train);
  const chosen: ChosenParams = new Map();
  const rows: EvalRow<RatingMetrics>[] = [];

  for (const spec of specs) {
    if (!spec.tasks.includes('predict')) continue;
    const { model, params, fitMs } = fitTuned(
      spec,
      chosen,
      validationData,
      full,
      (candidate) => scoreRatings(candidate, validation.test, users, items).RMSE,
      'minimise',
      now,
    );
    const row: EvalRow<RatingMetrics> = {
      model: spec.name,
      task: 'A',
      params,
      metrics: scoreRatings(model, test, users, items),
      fitMs,
      scoreMs: timePerUser(model, Math.min(TIMED_USERS, users.size), items.size, now),
    };
    rows.push(row);
    options.onRow?.(row);
  }
  return { trainSize: train.length, testSize: test.length, rows };
}

/** Median time to predict every item for one user, over the first `userCount` users. */
function timePerUser(
  model: Recommender,
  userCount: number,
  itemCount: number,
  now: () => number,
): number {
  const out = new Float32Array(itemCount);
  const times: number[] = [];
  for (let u = 0; u < userCount; u++) {
    const started = now();
    if (model.scoreAll) model.scoreAll(u, out);
    else for (let i = 0; i < itemCount; i++) out[i] = model.predict!(u, i);
    times.push(now() - started);
  }
  return median(times);
}
