// Runs in Node (and in browsers that are cross-origin isolated). Arrays every thread sees: a
// typed array over a SharedArrayBuffer is shared, not copied, when posted to a worker.
import type { ArrayMaker } from '../data/array-maker';
import type { Interactions, SparseRows } from '../data/interactions';

const shared = <T>(make: new (buffer: SharedArrayBuffer) => T, bytes: number, length: number) =>
  new make(new SharedArrayBuffer(bytes * length));

export const sharedArrays: ArrayMaker = {
  float32: (length) => shared(Float32Array, 4, length),
  float64: (length) => shared(Float64Array, 8, length),
  int32: (length) => shared(Int32Array, 4, length),
  uint32: (length) => shared(Uint32Array, 4, length),
};

export function isShared(array: ArrayBufferView): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}

/** `train` itself if its rows are already shared, else a copy whose rows are. */
export function sharedInteractions(train: Interactions): Interactions {
  if (isShared(train.byUser.cols) && isShared(train.byItem.cols)) return train;
  const copy = <T extends Int32Array | Float32Array | Uint32Array>(from: T): T => {
    const to = (
      from instanceof Int32Array
        ? sharedArrays.int32(from.length)
        : from instanceof Float32Array
          ? sharedArrays.float32(from.length)
          : sharedArrays.uint32(from.length)
    ) as T;
    to.set(from);
    return to;
  };
  const rows = (r: SparseRows): SparseRows => ({
    ptr: copy(r.ptr),
    cols: copy(r.cols),
    values: copy(r.values),
    ...(r.times ? { times: copy(r.times) } : {}),
  });
  return { ...train, byUser: rows(train.byUser), byItem: rows(train.byItem) };
}
