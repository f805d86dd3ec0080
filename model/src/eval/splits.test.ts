import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableRows } from '../data/rating-table';
import { tableOf } from '../data/table-fixture';
import { fnv1a32 } from './fnv1a';
import { lastRatingsSplit, ratingSplit, ratingValidationSplit } from './splits';

describe('lastRatingsSplit', () => {
  it('holds out the last floor(n/5) ratings by (timestamp, movieId), at least one', () => {
    const table = tableOf([
      // user 1: 6 ratings -> 1 test; two share the last timestamp, the higher movieId is last.
      [1, 10, 4, 100],
      [1, 11, 3, 101],
      [1, 12, 5, 102],
      [1, 13, 2, 103],
      [1, 30, 4, 200],
      [1, 20, 4, 200],
      // user 2: 2 ratings -> still 1 test.
      [2, 10, 5, 50],
      [2, 11, 1, 10],
      // user 3: 10 ratings -> 2 test.
      ...Array.from({ length: 10 }, (_, k) => [3, 100 + k, 3, 1000 - k] as const),
    ]);
    const { train, test } = lastRatingsSplit(table);
    expect(tableRows(test)).toEqual([
      [1, 30, 4, 200],
      [2, 10, 5, 50],
      [3, 100, 3, 1000],
      [3, 101, 3, 999],
    ]);
    expect(train.length + test.length).toBe(table.length);
  });

  it('partitions any table: every rating lands in exactly one side', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 5 }),
            fc.integer({ min: 1, max: 50 }),
            fc.constant(3),
            fc.nat(20),
          ),
          {
            maxLength: 80,
          },
        ),
        (rows) => {
          const { train, test } = lastRatingsSplit(tableOf(rows));
          expect(train.length + test.length).toBe(rows.length);
          const users = new Set(rows.map(([u]) => u));
          expect(new Set(Array.from(test.userIds))).toEqual(users);
        },
      ),
    );
  });
});

describe('ratingSplit', () => {
  it('puts a rating in test exactly when fnv1a32("u:i") % 5 === 0', () => {
    const rows = Array.from({ length: 200 }, (_, k) => [1 + (k % 7), 1 + k, 4, k] as const);
    const { train, test } = ratingSplit(tableOf(rows));
    for (const [u, m] of tableRows(test)) expect(fnv1a32(`${u}:${m}`) % 5).toBe(0);
    for (const [u, m] of tableRows(train)) expect(fnv1a32(`${u}:${m}`) % 5).not.toBe(0);
    expect(test.length).toBeGreaterThan(0);
  });

  it('validation holds out part of training only, by the next base-5 digit of the hash', () => {
    const rows = Array.from({ length: 400 }, (_, k) => [1 + (k % 9), 1 + k, 4, k] as const);
    const { train } = ratingSplit(tableOf(rows));
    const validation = ratingValidationSplit(train);
    expect(validation.train.length + validation.test.length).toBe(train.length);
    expect(validation.test.length).toBeGreaterThan(0);
    for (const [u, m] of tableRows(validation.test))
      expect(Math.floor(fnv1a32(`${u}:${m}`) / 5) % 5).toBe(0);
  });
});
