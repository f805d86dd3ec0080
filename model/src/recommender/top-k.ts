// Runs in browser, worker and Node.

/**
 * The indices of the k highest scores among candidates, best first; equal scores
 * go to the lower index (EVAL.md's tie rule). NaN ranks below every number.
 * @example topK(Float32Array.of(1, 3, 3, 2), 2) // Int32Array [1, 2]
 */
export function topK(scores: ArrayLike<number>, k: number, candidates?: Uint8Array): Int32Array {
  const best = new Int32Array(Math.max(0, k));
  const bestScores = new Float64Array(Math.max(0, k));
  let filled = 0;
  for (let i = 0; i < scores.length; i++) {
    if (candidates && candidates[i] === 0) continue;
    const raw = scores[i]!;
    const s = Number.isNaN(raw) ? -Infinity : raw;
    // Scanning indices upward, a later item only displaces on a strictly higher score.
    if (filled === k && !(s > bestScores[k - 1]!)) continue;
    let at = filled < k ? filled++ : k - 1;
    while (at > 0 && s > bestScores[at - 1]!) {
      best[at] = best[at - 1]!;
      bestScores[at] = bestScores[at - 1]!;
      at--;
    }
    best[at] = i;
    bestScores[at] = s;
  }
  return best.slice(0, filled);
}
