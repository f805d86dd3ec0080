import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPLICIT_DEFAULTS, STAR_DEFAULTS } from '../recommender/filmfold';
import { plainArrays } from '../data/array-maker';
import { implicitTraining } from '../recommender/implicit-als';
import { trainSharedModel } from '../recommender/shared-model';
import { twoTasteGroups } from '../recommender/test-data';
import { trainSharedModelOnPool } from './index';
import { adoptInteractions } from '../linalg/wasm-arena';
import { startTrainPool } from './train-pool';

const train = twoTasteGroups(300, 120, 0.4, 5);
const params = {
  implicit: { ...IMPLICIT_DEFAULTS, factors: 12, iterations: 4 },
  stars: { ...STAR_DEFAULTS, factors: 8, iterations: 4 },
  content: null,
};
const pool = startTrainPool({ threads: 3 });
afterAll(() => pool.close());

describe('training on a pool of threads', () => {
  it('gives exactly the snapshot of the one-thread trainer, and says how far it is', async () => {
    const messages: string[] = [];
    const threaded = await trainSharedModelOnPool(pool, train, params, undefined, 'test', {
      onProgress: (message) => messages.push(message),
    });
    const serial = trainSharedModel(train, params, undefined, 'test');
    expect(threaded.implicit.factors).toEqual(serial.implicit.factors);
    expect(threaded.stars!.factors).toEqual(serial.stars!.factors);
    expect(threaded.stars!.itemBias).toEqual(serial.stars!.itemBias);
    expect(threaded.stars!.blend).toEqual(serial.stars!.blend);
    expect(messages.length).toBeGreaterThan(5);
    expect(messages.at(-1)).toMatch(/^Training: (9\d|100)% \(about \d+ s left\)$/);
  });

  it('moves rows into the arena once, and leaves rows already there as they are', () => {
    const moved = adoptInteractions(pool.arena, train);
    expect(pool.arena.owns(train.byUser.cols)).toBe(false);
    expect(pool.arena.owns(moved.byUser.cols) && pool.arena.owns(moved.byItem.values)).toBe(true);
    expect(moved.byUser.times).toEqual(train.byUser.times);
    expect(adoptInteractions(pool.arena, moved).byUser.cols).toBe(moved.byUser.cols);
  });

  it('refuses a job whose arrays are outside its arena', async () => {
    const outside = implicitTraining(train, params.implicit, undefined, plainArrays);
    await expect(pool.run(outside)).rejects.toThrow(/not in the pool's arena/);
  });

  it('fails the training when a thread stops in the middle of a job', async () => {
    // A thread that quits on its first slice instead of answering.
    const quitter = join(mkdtempSync(join(tmpdir(), 'filmfold-pool-')), 'quits.mjs');
    writeFileSync(
      quitter,
      "import { parentPort } from 'node:worker_threads';\nparentPort.once('message', () => process.exit(3));\n",
    );
    const stopping = startTrainPool({ threads: 2, threadFile: quitter });
    await expect(trainSharedModelOnPool(stopping, train, params, undefined, 'x')).rejects.toThrow(
      /training thread stopped \(exit code 3\)/,
    );
    await stopping.close();
  });

  it('fails the training, not the process, when a thread cannot run', async () => {
    const broken = startTrainPool({ threads: 1, threadFile: '/nowhere/train-thread.js' });
    await expect(trainSharedModelOnPool(broken, train, params, undefined, 'x')).rejects.toThrow(
      /nowhere/,
    );
    await broken.close();
  });
});
