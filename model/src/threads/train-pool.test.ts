import { afterAll, describe, expect, it } from 'vitest';
import { IMPLICIT_DEFAULTS, STAR_DEFAULTS } from '../recommender/filmfold';
import { trainSharedModel } from '../recommender/shared-model';
import { twoTasteGroups } from '../recommender/test-data';
import { trainSharedModelOnPool } from './index';
import { isShared, sharedInteractions } from './shared-arrays';
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

  it('shares the rows of interactions once, and leaves shared ones as they are', () => {
    const shared = sharedInteractions(train);
    expect(isShared(train.byUser.cols)).toBe(false);
    expect(isShared(shared.byUser.cols) && isShared(shared.byItem.values)).toBe(true);
    expect(shared.byUser.times).toEqual(train.byUser.times);
    expect(sharedInteractions(shared)).toBe(shared);
  });

  it('fails the training, not the process, when a thread cannot run', async () => {
    const broken = startTrainPool({ threads: 1, threadFile: '/nowhere/train-thread.js' });
    await expect(trainSharedModelOnPool(broken, train, params, undefined, 'x')).rejects.toThrow(
      /nowhere/,
    );
    await broken.close();
  });
});
