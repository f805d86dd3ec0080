import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernels } from './compile-kernels';
import { plainArrays } from '../data/array-maker';
import { IMPLICIT_DEFAULTS, STAR_DEFAULTS } from '../recommender/filmfold';
import { runTraining } from '../recommender/row-jobs';
import { sharedModelTraining } from '../recommender/shared-model';
import { twoTasteGroups } from '../recommender/test-data';
import { ROW_KERNELS_WASM } from '../linalg/row-kernels-wasm';
import { adoptInteractions, rowKernels, WasmArena } from '../linalg/wasm-arena';

describe('the SIMD row kernels', () => {
  it('are the committed compile of row-kernels.wat (npm run build:kernels -w @filmfold/model)', async () => {
    const wat = readFileSync(new URL('../linalg/row-kernels.wat', import.meta.url), 'utf8');
    const bytes = await compileKernels(wat);
    expect(Buffer.from(bytes).toString('base64')).toBe(ROW_KERNELS_WASM);
  });

  it('train the same model as the JavaScript kernels, to float32 rounding', () => {
    const train = twoTasteGroups(200, 48, 0.4, 9);
    const params = {
      implicit: { ...IMPLICIT_DEFAULTS, factors: 16, iterations: 5 },
      stars: { ...STAR_DEFAULTS, factors: 8, iterations: 5 },
      content: null,
    };
    const now = () => 0;
    const js = runTraining(sharedModelTraining(train, params, undefined, 'js', now, plainArrays));
    const arena = new WasmArena();
    const kernels = rowKernels(arena.memory, arena.scratch());
    const moved = adoptInteractions(arena, train);
    const simd = runTraining(sharedModelTraining(moved, params, undefined, 'simd', now, arena), {
      kernels,
    });
    const close = (a: Float32Array, b: Float32Array) => {
      let scale = 0;
      let worst = 0;
      for (let i = 0; i < a.length; i++) {
        scale = Math.max(scale, Math.abs(a[i]!));
        worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
      }
      return worst / scale;
    };
    expect(close(js.implicit.factors, simd.implicit.factors)).toBeLessThan(1e-4);
    expect(close(js.stars!.factors, simd.stars!.factors)).toBeLessThan(1e-4);
    expect(close(js.stars!.itemBias, simd.stars!.itemBias)).toBeLessThan(1e-4);
    // …and are not the JavaScript path in disguise.
    expect(simd.implicit.factors).not.toEqual(js.implicit.factors);
  });
});
