// Runs in Node, and in browsers where SharedArrayBuffer exists (cross-origin isolated pages).
// Arrays in one shared WebAssembly memory, where the SIMD row kernels (row-kernels.wat) read
// them: the shared trainer keeps its ratings and factors here, and every thread of a pool sees
// the same memory.
import type { ArrayMaker } from '../data/array-maker';
import type { Interactions, SparseRows } from '../data/interactions';
import { ROW_KERNELS_WASM } from './row-kernels-wasm';

const PAGE = 65_536;
/** wasm32 addresses 4 GiB: the arena's limit (about 90 million ratings for the shared trainer). */
const MAX_PAGES = 65_536;
/** The largest k the kernels' scratch holds. */
const MAX_K = 512;

/** A bump allocator over a shared WebAssembly memory; nothing is freed until it is dropped. */
export class WasmArena implements ArrayMaker {
  readonly memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
  private top = 16;
  private readonly buffers = new Set<ArrayBufferLike>();

  float32(length: number): Float32Array {
    return new Float32Array(this.take(length * 4), this.top - length * 4, length);
  }
  float64(length: number): Float64Array {
    return new Float64Array(this.take(length * 8), this.top - length * 8, length);
  }
  int32(length: number): Int32Array {
    return new Int32Array(this.take(length * 4), this.top - length * 4, length);
  }
  uint32(length: number): Uint32Array {
    return new Uint32Array(this.take(length * 4), this.top - length * 4, length);
  }

  /** Whether `array` lives in this arena (so that the kernels can read it). */
  owns(array: ArrayBufferView): boolean {
    return this.buffers.has(array.buffer);
  }

  /** A copy of `array` in this arena, or `array` itself if it is already here. */
  adopt<T extends Float32Array | Int32Array | Uint32Array>(array: T): T {
    if (this.owns(array)) return array;
    const copy = (
      array instanceof Float32Array
        ? this.float32(array.length)
        : array instanceof Int32Array
          ? this.int32(array.length)
          : this.uint32(array.length)
    ) as T;
    copy.set(array);
    return copy;
  }

  /** Scratch for one thread's kernels: two vectors of up to MAX_K floats. */
  scratch(): Float32Array {
    return this.float32(2 * MAX_K);
  }

  /** Reserves `bytes` (16-byte aligned, zeroed) and answers the memory's buffer. */
  private take(bytes: number): ArrayBuffer {
    const start = Math.ceil(this.top / 16) * 16;
    const end = start + bytes;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      const pages = Math.ceil((end - have) / PAGE);
      if (have / PAGE + pages > MAX_PAGES)
        throw new RangeError(
          `Training needs more than 4 GiB of arrays (${Math.ceil(end / 2 ** 20)} MiB asked).`,
        );
      this.memory.grow(pages);
    }
    this.top = end;
    const buffer = this.memory.buffer as unknown as ArrayBuffer;
    this.buffers.add(buffer);
    return buffer;
  }
}

/** `train` with its rows in `arena`: copied there, unless they live there already. */
export function adoptInteractions(arena: WasmArena, train: Interactions): Interactions {
  const rows = (r: SparseRows): SparseRows => ({
    ptr: arena.adopt(r.ptr),
    cols: arena.adopt(r.cols),
    values: arena.adopt(r.values),
    ...(r.times ? { times: arena.adopt(r.times) } : {}),
  });
  return { ...train, byUser: rows(train.byUser), byItem: rows(train.byItem) };
}

/**
 * One thread's handle on the SIMD kernels: they add Σ scale_e f_e over a row's ratings into a
 * vector (see row-kernels.wat). Vectors pass through this thread's scratch as float32.
 */
export interface RowKernels {
  /** Whether the kernels take factors of this length (a multiple of 8, at most MAX_K). */
  fits(k: number): boolean;
  /** Implicit ALS: out += A v (residual false), or out += b − A v without the diagonal. */
  implicitPass(
    rows: SparseRows,
    start: number,
    end: number,
    other: Float32Array,
    k: number,
    v: Float64Array,
    out: Float64Array,
    params: { confidence: number; unobservedWeight: number; negativeBelow: number },
    residual: boolean,
  ): void;
  /** The star model, f extended by 1 for the bias: out[0..k] += the same, without the diagonal. */
  starPass(
    rows: SparseRows,
    start: number,
    end: number,
    other: Float32Array,
    otherBias: Float32Array,
    k: number,
    v: Float64Array,
    out: Float64Array,
    mean: number,
    residual: boolean,
  ): void;
}

let compiled: WebAssembly.Module | null = null;

/** The kernels over `memory`, with `scratch` (WasmArena.scratch, in that memory) for this thread. */
export function rowKernels(memory: WebAssembly.Memory, scratch: Float32Array): RowKernels {
  compiled ??= new WebAssembly.Module(
    Uint8Array.from(atob(ROW_KERNELS_WASM), (c) => c.charCodeAt(0)),
  );
  const exports = new WebAssembly.Instance(compiled, { env: { memory } }).exports as {
    implicitPass(...args: number[]): void;
    starPass(...args: number[]): number;
  };
  const vPtr = scratch.byteOffset;
  const outPtr = vPtr + MAX_K * 4;
  const load = (v: Float64Array, k: number, out: Float64Array) => {
    for (let c = 0; c < k; c++) scratch[c] = v[c]!;
    for (let c = 0; c < k; c++) scratch[MAX_K + c] = out[c]!;
  };
  const store = (out: Float64Array, k: number) => {
    for (let c = 0; c < k; c++) out[c] = scratch[MAX_K + c]!;
  };
  return {
    fits: (k) => k > 0 && k % 8 === 0 && k <= MAX_K,
    implicitPass(rows, start, end, other, k, v, out, params, residual) {
      load(v, k, out);
      exports.implicitPass(
        rows.cols.byteOffset,
        rows.values.byteOffset,
        start,
        end,
        other.byteOffset,
        k,
        vPtr,
        outPtr,
        params.confidence,
        params.unobservedWeight,
        params.negativeBelow,
        residual ? 1 : 0,
      );
      store(out, k);
    },
    starPass(rows, start, end, other, otherBias, k, v, out, mean, residual) {
      load(v, k, out);
      const biasSum = exports.starPass(
        rows.cols.byteOffset,
        rows.values.byteOffset,
        start,
        end,
        other.byteOffset,
        otherBias.byteOffset,
        k,
        vPtr,
        v[k]!,
        outPtr,
        mean,
        residual ? 1 : 0,
      );
      store(out, k);
      out[k] = out[k]! + biasSum;
    },
  };
}
