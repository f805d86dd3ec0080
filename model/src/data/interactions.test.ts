import { describe, expect, it } from 'vitest';
import { createIdIndex } from './id-index';
import { buildInteractions } from './interactions';
import { RatingTableBuilder } from './rating-table';

describe('buildInteractions', () => {
  it('keeps each user rating with its own time, items in ascending order', () => {
    const builder = new RatingTableBuilder();
    builder.push(7, 30, 4, 3_000_000_000);
    builder.push(7, 10, 2.5, 1_700_000_001);
    builder.push(8, 10, 5, 12);
    builder.push(7, 20, 1, 1_700_000_000);
    const table = builder.build();
    const data = buildInteractions(table, createIdIndex(table.userIds), createIdIndex(table.movieIds));
    const row = (u: number) => [data.byUser.ptr[u]!, data.byUser.ptr[u + 1]!] as const;
    const [start, end] = row(0);
    expect(Array.from(data.byUser.cols.subarray(start, end))).toEqual([0, 1, 2]);
    expect(Array.from(data.byUser.values.subarray(start, end))).toEqual([2.5, 1, 4]);
    expect(Array.from(data.byUser.times!.subarray(start, end))).toEqual([
      1_700_000_001, 1_700_000_000, 3_000_000_000,
    ]);
    expect(Array.from(data.byUser.times!.subarray(...row(1)))).toEqual([12]);
    expect(data.byItem.times).toBeUndefined();
  });
});
