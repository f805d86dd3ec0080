// Runs in browser, worker and Node.
import { rotateRowRange } from './row-kernels';

/**
 * Eigen-decomposition of a symmetric n x n matrix by cyclic Jacobi rotations (Golub, Van Loan,
 * "Matrix Computations", section 8.5): A = Q diag(values) Qᵀ, with Q row-major and orthogonal
 * (column j is the eigenvector of values[j]). `a` is left unchanged.
 */
export function symmetricEigen(
  a: Float64Array,
  n: number,
  sweeps = 30,
): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale += m[i]! * m[i]!;
  const tolerance = 1e-22 * scale;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let r = p + 1; r < n; r++) off += m[p * n + r]! ** 2;
    if (off <= tolerance) break;
    for (let p = 0; p < n - 1; p++) {
      for (let r = p + 1; r < n; r++) {
        const apr = m[p * n + r]!;
        if (apr === 0) continue;
        const theta = (m[r * n + r]! - m[p * n + p]!) / (2 * apr);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p]!;
          const mkr = m[k * n + r]!;
          m[k * n + p] = c * mkp - s * mkr;
          m[k * n + r] = s * mkp + c * mkr;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k]!;
          const mrk = m[r * n + k]!;
          m[p * n + k] = c * mpk - s * mrk;
          m[r * n + k] = s * mpk + c * mrk;
        }
        for (let k = 0; k < n; k++) {
          const qkp = q[k * n + p]!;
          const qkr = q[k * n + r]!;
          q[k * n + p] = c * qkp - s * qkr;
          q[k * n + r] = s * qkp + c * qkr;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: n }, (_, i) => m[i * n + i]!), vectors: q };
}

/** Rotates row-major rows x k factors in place: F ← F Q (Q is k x k, row-major). */
export function rotateRows(factors: Float32Array, rows: number, k: number, q: Float64Array): void {
  rotateRowRange(factors, k, q, 0, rows);
}
