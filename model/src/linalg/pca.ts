// Runs in browser, worker and Node. A 2-D map of the item space for the taste map.
import { symmetricEigen } from './symmetric-eigen';

/**
 * Principal component analysis (Pearson 1901) of row-major rows x k vectors, projected on the
 * `dims` directions of largest variance: row-major rows x dims coordinates. Signs are fixed so
 * that each direction's largest coordinate is positive (the map does not flip between runs).
 * `gram`, the vectors' Gramian VᵀV if the caller has it (a device keeps its model's), gives the
 * covariance without another pass over every row: VᵀV − rows·μμᵀ.
 */
export function principalComponents(
  vectors: Float32Array,
  rows: number,
  k: number,
  dims = 2,
  gram?: Float64Array,
): Float32Array {
  const mean = new Float64Array(k);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < k; c++) mean[c] = mean[c]! + vectors[r * k + c]! / rows;
  const covariance = new Float64Array(k * k);
  if (gram) {
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++)
        covariance[a * k + b] = gram[a * k + b]! - rows * mean[a]! * mean[b]!;
  } else {
    const centred = new Float64Array(k);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < k; c++) centred[c] = vectors[r * k + c]! - mean[c]!;
      for (let a = 0; a < k; a++) {
        const va = centred[a]!;
        for (let b = a; b < k; b++)
          covariance[a * k + b] = covariance[a * k + b]! + va * centred[b]!;
      }
    }
    for (let a = 0; a < k; a++)
      for (let b = 0; b < a; b++) covariance[a * k + b] = covariance[b * k + a]!;
  }
  const { values, vectors: q } = symmetricEigen(covariance, k);
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => values[b]! - values[a]!);
  const out = new Float32Array(rows * dims);
  for (let d = 0; d < dims; d++) {
    const column = order[d]!;
    let extreme = 0;
    for (let r = 0; r < rows; r++) {
      let projection = 0;
      for (let c = 0; c < k; c++)
        projection += (vectors[r * k + c]! - mean[c]!) * q[c * k + column]!;
      out[r * dims + d] = projection;
      if (Math.abs(projection) > Math.abs(extreme)) extreme = projection;
    }
    if (extreme < 0) for (let r = 0; r < rows; r++) out[r * dims + d] = -out[r * dims + d]!;
  }
  return out;
}
