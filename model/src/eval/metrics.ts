// Runs in browser, worker and Node.
// Top-N metrics of ../shared/EVAL.md (binary gain), one ranked list at a time.

/** NDCG@k = DCG@k / IDCG@k with gain 1 for relevant items; 0 when nothing is relevant. */
export function ndcgAtK(
  ranked: ArrayLike<number>,
  relevant: ReadonlySet<number>,
  k: number,
): number {
  if (relevant.size === 0) return 0;
  let dcg = 0;
  const depth = Math.min(k, ranked.length);
  for (let rank = 1; rank <= depth; rank++) {
    if (relevant.has(ranked[rank - 1]!)) dcg += 1 / Math.log2(rank + 1);
  }
  let idcg = 0;
  const ideal = Math.min(k, relevant.size);
  for (let rank = 1; rank <= ideal; rank++) idcg += 1 / Math.log2(rank + 1);
  return dcg / idcg;
}

/** Hits in the top k, divided by min(k, |relevant|); 0 when nothing is relevant. */
export function recallAtK(
  ranked: ArrayLike<number>,
  relevant: ReadonlySet<number>,
  k: number,
): number {
  if (relevant.size === 0) return 0;
  return hitsAtK(ranked, relevant, k) / Math.min(k, relevant.size);
}

/** 1 when any of the top k is relevant, else 0. */
export function hitAtK(
  ranked: ArrayLike<number>,
  relevant: ReadonlySet<number>,
  k: number,
): number {
  return hitsAtK(ranked, relevant, k) > 0 ? 1 : 0;
}

function hitsAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  let hits = 0;
  const depth = Math.min(k, ranked.length);
  for (let r = 0; r < depth; r++) if (relevant.has(ranked[r]!)) hits++;
  return hits;
}

/** Root mean squared error and mean absolute error of paired predictions. */
export function errorMetrics(
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
): { rmse: number; mae: number } {
  if (predicted.length !== actual.length)
    throw new RangeError('predicted and actual differ in length');
  if (actual.length === 0) return { rmse: Number.NaN, mae: Number.NaN };
  let squared = 0;
  let absolute = 0;
  for (let k = 0; k < actual.length; k++) {
    const e = predicted[k]! - actual[k]!;
    squared += e * e;
    absolute += Math.abs(e);
  }
  return { rmse: Math.sqrt(squared / actual.length), mae: absolute / actual.length };
}
