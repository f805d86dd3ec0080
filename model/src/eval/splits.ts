// Runs in browser, worker and Node.
// The train/test splits of ../shared/EVAL.md and the validation splits made from training data.
import { type RatingTable, selectRows } from '../data/rating-table';
import { fnv1a32 } from './fnv1a';

export interface Split {
  train: RatingTable;
  test: RatingTable;
}

/** Task A: a rating is test when fnv1a32(`${u}:${i}`) % 5 === 0. */
export function ratingSplit(table: RatingTable): Split {
  const isTest = hashBuckets(table, (h) => h % 5 === 0);
  return partition(table, isTest);
}

/**
 * Task A validation, from training ratings only: the next base-5 digit of the same
 * hash, floor(h / 5) % 5 === 0. Training ratings all have h % 5 !== 0, so reusing
 * that digit would select nothing; this one holds out another independent 20%.
 */
export function ratingValidationSplit(train: RatingTable): Split {
  const isTest = hashBuckets(train, (h) => Math.floor(h / 5) % 5 === 0);
  return partition(train, isTest);
}

/**
 * Task B: each user's ratings sorted by (timestamp, movieId); the last
 * max(1, floor(n / 5)) are test. Applied to a training set it gives the validation split.
 */
export function lastRatingsSplit(table: RatingTable): Split {
  const order = Int32Array.from({ length: table.length }, (_, row) => row).sort(
    (a, b) =>
      table.userIds[a]! - table.userIds[b]! ||
      table.timestamps[a]! - table.timestamps[b]! ||
      table.movieIds[a]! - table.movieIds[b]!,
  );
  const isTest = new Uint8Array(table.length);
  let start = 0;
  while (start < order.length) {
    const user = table.userIds[order[start]!]!;
    let end = start;
    while (end < order.length && table.userIds[order[end]!] === user) end++;
    const n = end - start;
    const testCount = Math.max(1, Math.floor(n / 5));
    for (let k = end - testCount; k < end; k++) isTest[order[k]!] = 1;
    start = end;
  }
  return partition(table, isTest);
}

function hashBuckets(table: RatingTable, isTest: (hash: number) => boolean): Uint8Array {
  const flags = new Uint8Array(table.length);
  for (let row = 0; row < table.length; row++) {
    flags[row] = isTest(fnv1a32(`${table.userIds[row]}:${table.movieIds[row]}`)) ? 1 : 0;
  }
  return flags;
}

function partition(table: RatingTable, isTest: Uint8Array): Split {
  return {
    train: selectRows(table, (row) => isTest[row] === 0),
    test: selectRows(table, (row) => isTest[row] === 1),
  };
}
