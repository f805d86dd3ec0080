// Runs in browser, worker and Node.
import { createIdIndex } from '../data/id-index';
import type { RatingTable } from '../data/rating-table';
import type { ModelSpec } from '../recommender/recommender';
import { type RankingTaskReport, runRankingTask } from './ranking-task';
import { type RatingTaskReport, runRatingTask } from './rating-task';
import type { EvalOptions } from './types';

export interface EvaluationReport {
  ratings: number;
  users: number;
  items: number;
  rating: RatingTaskReport;
  ranking: RankingTaskReport;
}

/**
 * Runs ../shared/EVAL.md (tasks A and B) for each model spec over one ratings set.
 * Items are indexed by ascending movieId over the whole set, so ties break by the lower movieId.
 */
export function evaluate(
  table: RatingTable,
  specs: readonly ModelSpec[],
  options: EvalOptions = {},
): EvaluationReport {
  const users = createIdIndex(table.userIds);
  const items = createIdIndex(table.movieIds);
  return {
    ratings: table.length,
    users: users.size,
    items: items.size,
    rating: runRatingTask(table, users, items, specs, options),
    ranking: runRankingTask(table, users, items, specs, options),
  };
}
