// Runs in browser, worker and Node. Compact encodings of row-major float matrices.
import { fromHalf, toHalf } from './float16';

export const QUANTIZATIONS = ['float32', 'float16', 'int8'] as const;
export type Quantization = (typeof QUANTIZATIONS)[number];

/** Bytes a rows x cols matrix takes in each encoding (int8 adds one float32 scale per row). */
export function encodedBytes(rows: number, cols: number, quantization: Quantization): number {
  switch (quantization) {
    case 'float32':
      return rows * cols * 4;
    case 'float16':
      return rows * cols * 2;
    case 'int8':
      return rows * 4 + rows * cols;
  }
}

/** Writes `values` (rows x cols) into `out` at `offset` in the given encoding. */
export function encodeMatrix(
  values: Float32Array,
  rows: number,
  cols: number,
  quantization: Quantization,
  out: DataView,
  offset: number,
): void {
  switch (quantization) {
    case 'float32':
      for (let i = 0; i < rows * cols; i++) out.setFloat32(offset + 4 * i, values[i]!, true);
      return;
    case 'float16':
      for (let i = 0; i < rows * cols; i++) out.setUint16(offset + 2 * i, toHalf(values[i]!), true);
      return;
    case 'int8': {
      // Per-row scale: each row uses the full int8 range of its own largest magnitude.
      const data = offset + rows * 4;
      for (let r = 0; r < rows; r++) {
        let largest = 0;
        for (let c = 0; c < cols; c++) largest = Math.max(largest, Math.abs(values[r * cols + c]!));
        const scale = largest / 127;
        out.setFloat32(offset + 4 * r, scale, true);
        for (let c = 0; c < cols; c++) {
          out.setInt8(
            data + r * cols + c,
            scale === 0 ? 0 : Math.round(values[r * cols + c]! / scale),
          );
        }
      }
      return;
    }
  }
}

let halves: Float32Array | null = null;

/**
 * The value of every float16 bit pattern (256 KiB, made on first use): a look-up per number
 * decodes a snapshot's factors about ten times faster than computing each.
 */
function halfValues(): Float32Array {
  halves ??= Float32Array.from({ length: 0x10000 }, (_, bits) => fromHalf(bits));
  return halves;
}

/** Reads a rows x cols matrix written by encodeMatrix back into float32. */
export function decodeMatrix(
  view: DataView,
  offset: number,
  rows: number,
  cols: number,
  quantization: Quantization,
): Float32Array {
  const values = new Float32Array(rows * cols);
  switch (quantization) {
    case 'float32':
      for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(offset + 4 * i, true);
      break;
    case 'float16': {
      const table = halfValues();
      for (let i = 0; i < values.length; i++)
        values[i] = table[view.getUint16(offset + 2 * i, true)]!;
      break;
    }
    case 'int8': {
      const data = offset + rows * 4;
      for (let r = 0; r < rows; r++) {
        const scale = view.getFloat32(offset + 4 * r, true);
        for (let c = 0; c < cols; c++)
          values[r * cols + c] = view.getInt8(data + r * cols + c) * scale;
      }
      break;
    }
  }
  return values;
}
