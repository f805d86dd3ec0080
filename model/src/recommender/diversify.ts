// Runs in browser, worker and Node.
// Maximal Marginal Relevance: Carbonell, Goldstein 1998, "The Use of MMR, Diversity-Based Reranking".
import { topK } from './top-k';

export interface DiversifyOptions {
  /** How many items to return. */
  count: number;
  /** 0 keeps the ranking by score; 1 picks by novelty alone. */
  diversity: number;
  /** Candidates considered for the top of the list (default 10 x count, at least 50). */
  pool?: number;
  /** 1 for items that may be recommended; absent means every item. */
  candidates?: Uint8Array;
}

/**
 * Re-ranks the top of a score list so that it does not repeat itself: each next pick maximises
 * (1 − d)·relevance − d·(highest cosine similarity to what is already picked), over item factors.
 * Relevance is the score rescaled to [0, 1] within the pool. Ties go to the higher-scored item.
 */
export function diversify(
  scores: Float32Array,
  factors: Float32Array,
  k: number,
  options: DiversifyOptions,
): Int32Array {
  const { count, diversity } = options;
  if (!(diversity >= 0 && diversity <= 1))
    throw new RangeError(`diversity must be 0-1, not ${diversity}.`);
  const poolSize = options.pool ?? Math.max(50, 10 * count);
  const pool = topK(scores, poolSize, options.candidates);
  if (diversity === 0 || pool.length <= 1) return pool.slice(0, count);

  const top = scores[pool[0]!]!;
  const bottom = scores[pool[pool.length - 1]!]!;
  const span = top - bottom || 1;
  const norms = Float64Array.from(pool, (item) => {
    let sum = 0;
    for (let c = 0; c < k; c++) sum += factors[item * k + c]! ** 2;
    return Math.sqrt(sum) || 1;
  });
  // Highest similarity of each pool member to anything picked so far.
  const closest = new Float64Array(pool.length).fill(-1);
  const taken = new Uint8Array(pool.length);
  const picked = new Int32Array(Math.min(count, pool.length));
  for (let n = 0; n < picked.length; n++) {
    let best = -1;
    let bestValue = -Infinity;
    for (let p = 0; p < pool.length; p++) {
      if (taken[p]) continue;
      const relevance = (scores[pool[p]!]! - bottom) / span;
      const value = (1 - diversity) * relevance - diversity * Math.max(0, closest[p]!);
      if (value > bestValue) {
        bestValue = value;
        best = p;
      }
    }
    taken[best] = 1;
    const chosen = pool[best]!;
    picked[n] = chosen;
    for (let p = 0; p < pool.length; p++) {
      if (taken[p]) continue;
      let dot = 0;
      const a = chosen * k;
      const b = pool[p]! * k;
      for (let c = 0; c < k; c++) dot += factors[a + c]! * factors[b + c]!;
      const similarity = dot / (norms[best]! * norms[p]!);
      if (similarity > closest[p]!) closest[p] = similarity;
    }
  }
  return picked;
}
