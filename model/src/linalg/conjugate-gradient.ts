// Runs in browser, worker and Node.

/** Scratch vectors for conjugateGradient, reused across calls of the same size. */
export interface CgWork {
  r: Float64Array;
  p: Float64Array;
  ap: Float64Array;
}

export function cgWork(n: number): CgWork {
  return { r: new Float64Array(n), p: new Float64Array(n), ap: new Float64Array(n) };
}

/**
 * Improves x toward the solution of A x = b by `steps` conjugate-gradient iterations, for a
 * symmetric positive-definite A given only as a product `multiply(v, out)` (out = A v).
 * Warm-started from the x passed in (Hestenes, Stiefel 1952).
 */
export function conjugateGradient(
  n: number,
  multiply: (v: Float64Array, out: Float64Array) => void,
  b: Float64Array,
  x: Float64Array,
  steps: number,
  work: CgWork,
): void {
  const residual = (from: Float64Array, out: Float64Array) => {
    multiply(from, out);
    for (let c = 0; c < n; c++) out[c] = b[c]! - out[c]!;
  };
  conjugateGradientFrom(n, multiply, residual, x, steps, work);
}

/**
 * conjugateGradient with the first residual b − A x computed by the caller, who can often do it
 * in one pass over the data together with b.
 */
export function conjugateGradientFrom(
  n: number,
  multiply: (v: Float64Array, out: Float64Array) => void,
  residual: (x: Float64Array, out: Float64Array) => void,
  x: Float64Array,
  steps: number,
  work: CgWork,
): void {
  const { r, p, ap } = work;
  residual(x, r);
  p.set(r);
  let rr = dot(r, r, n);
  for (let step = 0; step < steps && rr > 1e-20; step++) {
    multiply(p, ap);
    const alpha = rr / dot(p, ap, n);
    for (let c = 0; c < n; c++) {
      x[c] = x[c]! + alpha * p[c]!;
      r[c] = r[c]! - alpha * ap[c]!;
    }
    const next = dot(r, r, n);
    const beta = next / rr;
    for (let c = 0; c < n; c++) p[c] = r[c]! + beta * p[c]!;
    rr = next;
  }
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let sum = 0;
  for (let c = 0; c < n; c++) sum += a[c]! * b[c]!;
  return sum;
}
