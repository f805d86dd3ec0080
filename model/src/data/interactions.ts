// Runs in browser, worker and Node.
import type { IdIndex } from './id-index';
import type { RatingTable } from './rating-table';
import { type ArrayMaker, plainArrays } from './array-maker';

/** Compressed rows: the entries of row r are at positions ptr[r] .. ptr[r+1]-1. */
export interface SparseRows {
  readonly ptr: Int32Array;
  /** Column index of each entry (items for user rows, users for item rows). */
  readonly cols: Int32Array;
  readonly values: Float32Array;
  /** When each rating was given (Unix seconds); user rows only. */
  readonly times?: Uint32Array;
}

/**
 * Ratings in dense indices, ready for training: each user's row and each item's
 * column as compressed sparse rows.
 */
export interface Interactions {
  readonly users: IdIndex;
  readonly items: IdIndex;
  readonly numUsers: number;
  readonly numItems: number;
  readonly length: number;
  readonly globalMean: number;
  /** Row per user: the items they rated and the stars. */
  readonly byUser: SparseRows;
  /** Row per item: the users who rated it and the stars. */
  readonly byItem: SparseRows;
  /** Ratings per item, as a float array for fast scoring. */
  readonly itemCounts: Float32Array;
}

/** Indexes `table` against fixed user and item indices; rows with unknown ids are an error. */
export function buildInteractions(
  table: RatingTable,
  users: IdIndex,
  items: IdIndex,
  arrays: ArrayMaker = plainArrays,
): Interactions {
  const userIdx = new Int32Array(table.length);
  const itemIdx = new Int32Array(table.length);
  let sum = 0;
  for (let row = 0; row < table.length; row++) {
    const u = users.indexOf(table.userIds[row]!);
    const i = items.indexOf(table.movieIds[row]!);
    if (u < 0 || i < 0) {
      throw new RangeError(
        `Rating of user ${table.userIds[row]} for movie ${table.movieIds[row]} is outside the index.`,
      );
    }
    userIdx[row] = u;
    itemIdx[row] = i;
    sum += table.ratings[row]!;
  }
  const byUser = compress(arrays, users.size, userIdx, itemIdx, table.ratings, table.timestamps);
  const byItem = compress(arrays, items.size, itemIdx, userIdx, table.ratings);
  const itemCounts = arrays.float32(items.size);
  for (let i = 0; i < items.size; i++) itemCounts[i] = byItem.ptr[i + 1]! - byItem.ptr[i]!;
  return {
    users,
    items,
    numUsers: users.size,
    numItems: items.size,
    length: table.length,
    globalMean: table.length > 0 ? sum / table.length : 0,
    byUser,
    byItem,
    itemCounts,
  };
}

/** Counting sort of (row, col, value) triples into compressed rows, columns ascending. */
function compress(
  arrays: ArrayMaker,
  numRows: number,
  rows: Int32Array,
  cols: Int32Array,
  values: Float32Array,
  times?: Uint32Array,
): SparseRows {
  const ptr = arrays.int32(numRows + 1);
  ptr.set(countingOffsets(numRows, rows));
  // Visit triples in ascending column order so that each row comes out sorted.
  let numCols = 0;
  for (let k = 0; k < cols.length; k++) numCols = Math.max(numCols, cols[k]! + 1);
  const colNext = countingOffsets(numCols, cols);
  const order = new Int32Array(cols.length);
  for (let k = 0; k < cols.length; k++) {
    const c = cols[k]!;
    order[colNext[c]!] = k;
    colNext[c] = colNext[c]! + 1;
  }
  const next = ptr.slice(0, numRows);
  const outCols = arrays.int32(rows.length);
  const outValues = arrays.float32(rows.length);
  const outTimes = times ? arrays.uint32(rows.length) : undefined;
  for (let n = 0; n < order.length; n++) {
    const k = order[n]!;
    const r = rows[k]!;
    const at = next[r]!;
    next[r] = at + 1;
    outCols[at] = cols[k]!;
    outValues[at] = values[k]!;
    if (outTimes) outTimes[at] = times![k]!;
  }
  return outTimes
    ? { ptr, cols: outCols, values: outValues, times: outTimes }
    : { ptr, cols: outCols, values: outValues };
}

/** Start offset of each key's run when `keys` are grouped, plus the total at the end. */
function countingOffsets(numKeys: number, keys: Int32Array): Int32Array {
  const offsets = new Int32Array(numKeys + 1);
  for (let k = 0; k < keys.length; k++) offsets[keys[k]! + 1] = offsets[keys[k]! + 1]! + 1;
  for (let r = 0; r < numKeys; r++) offsets[r + 1] = offsets[r + 1]! + offsets[r]!;
  return offsets;
}
