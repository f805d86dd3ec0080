import { describe, expect, it } from 'vitest';
import { IMPLICIT_DEFAULTS } from './filmfold';
import { jobParts, type ImplicitRowsJob } from './row-jobs';
import { twoTasteGroups } from './test-data';

describe('jobParts', () => {
  const train = twoTasteGroups(500, 60, 0.3, 2);
  const job: ImplicitRowsJob = {
    kind: 'implicit',
    rows: train.byUser,
    rowCount: train.numUsers,
    other: new Float32Array(train.numItems * 8),
    otherCount: train.numItems,
    out: new Float32Array(train.numUsers * 8),
    k: 8,
    params: IMPLICIT_DEFAULTS,
    scaledEigen: new Float64Array(8),
    gram: null,
  };

  it('covers every row exactly once, in order, for any number of slices', () => {
    for (const count of [1, 2, 3, 7, 64, 2000]) {
      const parts = jobParts(job, count);
      expect(parts[0]!.from).toBe(0);
      expect(parts.at(-1)!.to).toBe(train.numUsers);
      parts.forEach((part, i) => {
        expect(part.to).toBeGreaterThan(part.from);
        if (i > 0) expect(part.from).toBe(parts[i - 1]!.to);
      });
      expect(parts.length).toBeLessThanOrEqual(count);
    }
  });

  it('gives slices about equal work (ratings plus a share per row)', () => {
    const parts = jobParts(job, 4);
    const work = parts.map(
      ({ from, to }) => train.byUser.ptr[to]! - train.byUser.ptr[from]! + (to - from) * 8,
    );
    const total = work.reduce((a, b) => a + b, 0);
    for (const w of work) expect(Math.abs(w - total / 4)).toBeLessThan(total * 0.05);
  });

  it('keeps a Gramian in its fixed parts whatever the number of threads', () => {
    const gramian = {
      kind: 'gramian',
      factors: job.out,
      rowCount: 500,
      k: 8,
      parts: 16,
      partials: new Float64Array(16 * 64),
    } as const;
    expect(jobParts(gramian, 2)).toEqual(jobParts(gramian, 7));
    expect(jobParts(gramian, 2)).toHaveLength(16);
  });
});
