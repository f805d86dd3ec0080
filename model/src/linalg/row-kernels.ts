// Runs in browser, worker and Node. Loops over rows of row-major float32 factors, for a slice of
// rows at a time (the trainer's jobs run them whole or split across threads).

/**
 * Adds the upper triangle of FᵀF over rows [from, to) into the k x k block of `out` at `offset`.
 */
export function gramianPart(
  factors: Float32Array,
  k: number,
  from: number,
  to: number,
  out: Float64Array,
  offset: number,
): void {
  for (let r = from; r < to; r++) {
    const base = r * k;
    for (let a = 0; a < k; a++) {
      const fa = factors[base + a]!;
      if (fa === 0) continue;
      const rowA = offset + a * k;
      for (let b = a; b < k; b++) out[rowA + b] = out[rowA + b]! + fa * factors[base + b]!;
    }
  }
}

/** F ← F Q for rows [from, to) of `factors` (Q is k x k, row-major). */
export function rotateRowRange(
  factors: Float32Array,
  k: number,
  q: Float64Array,
  from: number,
  to: number,
): void {
  const row = new Float64Array(k);
  for (let r = from; r < to; r++) {
    const base = r * k;
    row.fill(0);
    // Row p of Q, scaled by f_p, for every p: Q is read in order, four columns at a time.
    for (let p = 0; p < k; p++) {
      const fp = factors[base + p]!;
      if (fp === 0) continue;
      const qp = p * k;
      let c = 0;
      for (; c + 3 < k; c += 4) {
        row[c] = row[c]! + fp * q[qp + c]!;
        row[c + 1] = row[c + 1]! + fp * q[qp + c + 1]!;
        row[c + 2] = row[c + 2]! + fp * q[qp + c + 2]!;
        row[c + 3] = row[c + 3]! + fp * q[qp + c + 3]!;
      }
      for (; c < k; c++) row[c] = row[c]! + fp * q[qp + c]!;
    }
    for (let c = 0; c < k; c++) factors[base + c] = row[c]!;
  }
}

/** f·v for the row of `factors` at `base` (k numbers), four sums at a time. */
export function dotRow(factors: Float32Array, base: number, v: Float64Array, k: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let c = 0;
  for (; c + 3 < k; c += 4) {
    s0 += factors[base + c]! * v[c]!;
    s1 += factors[base + c + 1]! * v[c + 1]!;
    s2 += factors[base + c + 2]! * v[c + 2]!;
    s3 += factors[base + c + 3]! * v[c + 3]!;
  }
  for (; c < k; c++) s0 += factors[base + c]! * v[c]!;
  return s0 + s1 + s2 + s3;
}

/** out += scale · f for the row of `factors` at `base` (k numbers). */
export function addScaledRow(
  out: Float64Array,
  factors: Float32Array,
  base: number,
  k: number,
  scale: number,
): void {
  let c = 0;
  for (; c + 3 < k; c += 4) {
    out[c] = out[c]! + scale * factors[base + c]!;
    out[c + 1] = out[c + 1]! + scale * factors[base + c + 1]!;
    out[c + 2] = out[c + 2]! + scale * factors[base + c + 2]!;
    out[c + 3] = out[c + 3]! + scale * factors[base + c + 3]!;
  }
  for (; c < k; c++) out[c] = out[c]! + scale * factors[base + c]!;
}
