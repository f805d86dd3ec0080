import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { gramian } from './cholesky';
import { principalComponents } from './pca';

describe('principalComponents', () => {
  it('finds the direction points spread along, and keeps distances along it', () => {
    // Points on a line through 3-D space, with a little noise off the line.
    const random = mulberry32(2);
    const rows = 200;
    const vectors = new Float32Array(rows * 3);
    const ts: number[] = [];
    for (let r = 0; r < rows; r++) {
      const t = random() * 10 - 5;
      ts.push(t);
      vectors.set([t * 0.6 + random() * 0.01, t * 0.8, 1 + random() * 0.01], r * 3);
    }
    const map = principalComponents(vectors, rows, 3);
    // First coordinate is t (the line has unit direction), up to sign and the mean.
    const meanT = ts.reduce((a, b) => a + b, 0) / rows;
    const sign = Math.sign(map[0]! / (ts[0]! - meanT));
    for (let r = 0; r < rows; r++) expect(map[r * 2]! * sign).toBeCloseTo(ts[r]! - meanT, 1);
    for (let r = 0; r < rows; r++) expect(Math.abs(map[r * 2 + 1]!)).toBeLessThan(0.05);
  });

  it('maps the same from the vectors’ Gramian as from a pass over them', () => {
    const random = mulberry32(5);
    const rows = 300;
    const k = 6;
    const vectors = Float32Array.from({ length: rows * k }, (_, i) => random() + (i % k) * 0.3);
    const fromRows = principalComponents(vectors, rows, k);
    const fromGram = principalComponents(vectors, rows, k, 2, gramian(vectors, rows, k));
    fromRows.forEach((value, i) => expect(fromGram[i]).toBeCloseTo(value, 4));
  });
});
