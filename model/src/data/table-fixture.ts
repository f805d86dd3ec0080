// Runs in browser, worker and Node. Builds small rating tables by hand, for tests.
import { type RatingTable, RatingTableBuilder } from './rating-table';

/** A table from [userId, movieId, rating, timestamp] rows. */
export function tableOf(rows: readonly (readonly [number, number, number, number])[]): RatingTable {
  const builder = new RatingTableBuilder(rows.length);
  for (const [u, m, r, t] of rows) builder.push(u, m, r, t);
  return builder.build();
}
