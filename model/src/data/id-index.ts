// Runs in browser, worker and Node.

/** Dense indices 0..n-1 for raw ids, in ascending id order (so ties can break by lower id). */
export interface IdIndex {
  readonly size: number;
  /** Raw id of each dense index, ascending. */
  readonly ids: Int32Array;
  /** Dense index of a raw id, or -1 when the id is unknown. */
  indexOf(id: number): number;
}

/** Indexes the distinct values of `ids`. */
export function createIdIndex(ids: ArrayLike<number>): IdIndex {
  const distinct = Int32Array.from(new Set(Array.from(ids))).sort();
  const positions = new Map<number, number>();
  distinct.forEach((id, i) => positions.set(id, i));
  return {
    size: distinct.length,
    ids: distinct,
    indexOf: (id) => positions.get(id) ?? -1,
  };
}
