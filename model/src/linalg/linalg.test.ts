import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { choleskyInPlace, choleskySolveInPlace, gramian } from './cholesky';
import { cgWork, conjugateGradient } from './conjugate-gradient';
import { rotateRows, symmetricEigen } from './symmetric-eigen';

/** A random symmetric positive-definite matrix MᵀM + nI. */
function spd(n: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  const m = Float64Array.from({ length: n * n }, () => random() - 0.5);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let sum = i === j ? n : 0;
      for (let p = 0; p < n; p++) sum += m[p * n + i]! * m[p * n + j]!;
      a[i * n + j] = sum;
    }
  return a;
}

const times = (a: Float64Array, x: Float64Array, n: number) =>
  Float64Array.from({ length: n }, (_, i) => x.reduce((sum, xj, j) => sum + a[i * n + j]! * xj, 0));

describe('Cholesky', () => {
  it('solves A x = b for random SPD systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer(), (n, seed) => {
        const a = spd(n, seed);
        const b = Float64Array.from({ length: n }, (_, i) => i - n / 2);
        const l = Float64Array.from(a);
        expect(choleskyInPlace(l, n)).toBe(true);
        const x = Float64Array.from(b);
        choleskySolveInPlace(l, n, x);
        times(a, x, n).forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 8));
      }),
    );
  });

  it('reports a matrix that is not positive definite', () => {
    expect(choleskyInPlace(Float64Array.of(1, 2, 2, 1), 2)).toBe(false);
    expect(choleskyInPlace(Float64Array.of(Number.NaN), 1)).toBe(false);
  });

  it('computes the Gramian FᵀF', () => {
    // F = [[1, 2], [3, 4]]: FᵀF = [[10, 14], [14, 20]].
    expect(Array.from(gramian(Float32Array.of(1, 2, 3, 4), 2, 2))).toEqual([10, 14, 14, 20]);
  });

  it('sums every row into the Gramian, four at a time and the rest one by one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 6 }), (rows, k) => {
        const random = mulberry32(rows * 31 + k);
        const f = Float32Array.from({ length: rows * k }, () => random() - 0.5);
        const g = gramian(f, rows, k);
        for (let a = 0; a < k; a++)
          for (let b = 0; b < k; b++) {
            let sum = 0;
            for (let r = 0; r < rows; r++) sum += f[r * k + a]! * f[r * k + b]!;
            expect(g[a * k + b]).toBeCloseTo(sum, 12);
          }
      }),
    );
  });
});

describe('conjugateGradient', () => {
  it('reaches the exact solution in n steps', () => {
    const n = 8;
    const a = spd(n, 3);
    const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const x = new Float64Array(n);
    conjugateGradient(n, (v, out) => out.set(times(a, v, n)), b, x, n, cgWork(n));
    const exact = Float64Array.from(b);
    const l = Float64Array.from(a);
    choleskyInPlace(l, n);
    choleskySolveInPlace(l, n, exact);
    x.forEach((v, i) => expect(v).toBeCloseTo(exact[i]!, 6));
  });
});

describe('symmetricEigen', () => {
  it('decomposes A = Q diag(λ) Qᵀ with orthogonal Q', () => {
    for (const n of [1, 3, 9]) {
      const a = spd(n, n);
      const { values, vectors: q } = symmetricEigen(a, n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let back = 0;
          let orth = 0;
          for (let p = 0; p < n; p++) {
            back += q[i * n + p]! * values[p]! * q[j * n + p]!;
            orth += q[p * n + i]! * q[p * n + j]!;
          }
          expect(back).toBeCloseTo(a[i * n + j]!, 8);
          expect(orth).toBeCloseTo(i === j ? 1 : 0, 10);
        }
    }
  });

  it('rotating both sides of a product leaves it unchanged', () => {
    const k = 3;
    const { vectors: q } = symmetricEigen(spd(k, 1), k);
    const x = Float32Array.of(0.5, -1, 2);
    const y = Float32Array.of(1, 0.25, -0.5);
    const before = x.reduce((s, v, i) => s + v * y[i]!, 0);
    rotateRows(x, 1, k, q);
    rotateRows(y, 1, k, q);
    expect(x.reduce((s, v, i) => s + v * y[i]!, 0)).toBeCloseTo(before, 5);
  });
});
