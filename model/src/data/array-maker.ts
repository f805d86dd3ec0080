// Runs in browser, worker and Node.

/** Where large arrays live: ordinary memory, or memory that threads share. */
export interface ArrayMaker {
  float32(length: number): Float32Array;
  float64(length: number): Float64Array;
  int32(length: number): Int32Array;
  uint32(length: number): Uint32Array;
}

export const plainArrays: ArrayMaker = {
  float32: (length) => new Float32Array(length),
  float64: (length) => new Float64Array(length),
  int32: (length) => new Int32Array(length),
  uint32: (length) => new Uint32Array(length),
};

