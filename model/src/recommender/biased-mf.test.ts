import { describe, expect, it } from 'vitest';
import { userRatingsOf } from './fold-in';
import { decodeSnapshot, encodeSnapshot } from '../snapshot/codec';
import { type StarParams, starUserStep, trainStars } from './biased-mf';
import { foldInStars, predictedStars, prepareDeviceModel } from './device-model';
import { IMPLICIT_DEFAULTS, STAR_DEFAULTS } from './filmfold';
import { trainSharedModel } from './shared-model';
import { twoTasteGroups } from './test-data';

const train = twoTasteGroups();
const params: StarParams = {
  ...STAR_DEFAULTS,
  factors: 4,
  iterations: 8,
  cgSteps: 0,
  implicitBlend: 0,
};

const ratingsOf = (user: number) => userRatingsOf(train, user);

/** A snapshot with a tiny implicit part and the given star model. */
const starSnapshot = (stars: StarParams, implicitIterations = 1) =>
  trainSharedModel(
    train,
    {
      implicit: { ...IMPLICIT_DEFAULTS, factors: 4, iterations: implicitIterations },
      stars,
      content: null,
    },
    undefined,
    'test',
  );

describe('star model', () => {
  it('fits the training ratings better than the global mean', () => {
    const model = trainStars(train, params);
    let modelError = 0;
    let meanError = 0;
    for (let u = 0; u < train.numUsers; u++) {
      for (let e = train.byUser.ptr[u]!; e < train.byUser.ptr[u + 1]!; e++) {
        const item = train.byUser.cols[e]!;
        let dot = 0;
        for (let c = 0; c < params.factors; c++)
          dot += model.userFactors[u * 4 + c]! * model.itemFactors[item * 4 + c]!;
        const predicted = model.globalMean + model.userBias[u]! + model.itemBias[item]! + dot;
        modelError += (predicted - train.byUser.values[e]!) ** 2;
        meanError += (model.globalMean - train.byUser.values[e]!) ** 2;
      }
    }
    expect(modelError).toBeLessThan(meanError / 4);
  });

  it('fold-in from a float32 snapshot equals the trainer’s own (exact) user step', () => {
    const snapshot = starSnapshot(params);
    const decoded = decodeSnapshot(encodeSnapshot(snapshot, 'float32'));
    const trainer = trainStars(train, params); // same seed: the model inside the snapshot
    const step = starUserStep(train, trainer, params);
    for (const user of [0, 3, 11]) {
      const folded = foldInStars(prepareDeviceModel(decoded), ratingsOf(user));
      expect(folded.bias).toBeCloseTo(step.bias[user]!, 5);
      folded.vector.forEach((v, c) =>
        expect(v).toBeCloseTo(step.factors[user * params.factors + c]!, 5),
      );
    }
  });

  it('predicts high for a user’s own taste group and low for the other', () => {
    const snapshot = starSnapshot(params);
    const device = prepareDeviceModel(snapshot);
    const user = foldInStars(device, ratingsOf(1)); // userId 2: group A likes films 1-15
    expect(predictedStars(device, user, 2)).toBeGreaterThan(3.5);
    expect(predictedStars(device, user, 25)).toBeLessThan(2.5);
  });

  it('folds in no ratings as the item bias alone', () => {
    const snapshot = starSnapshot(params);
    const device = prepareDeviceModel(snapshot);
    const user = foldInStars(device, { items: new Int32Array(0), ratings: new Float32Array(0) });
    expect(user.bias).toBe(0);
    expect(predictedStars(device, user, 0)).toBeCloseTo(
      Math.min(5, Math.max(0.5, snapshot.stars!.globalMean + snapshot.stars!.itemBias[0]!)),
      6,
    );
  });
});

describe('star blend', () => {
  it('fits weights on held-out ratings and keeps predictions in 0.5-5', () => {
    const blended = { ...params, implicitBlend: 1 };
    const snapshot = starSnapshot(blended, 4);
    const blend = snapshot.stars!.blend!;
    expect(
      Number.isFinite(blend.stars) &&
        Number.isFinite(blend.implicit) &&
        Number.isFinite(blend.offset),
    ).toBe(true);
    const device = prepareDeviceModel(decodeSnapshot(encodeSnapshot(snapshot, 'int8')));
    expect(device.snapshot.stars!.blend).toEqual(blend);
    const user = foldInStars(device, ratingsOf(1));
    expect(user.implicit).not.toBeNull();
    for (let item = 0; item < train.numItems; item++) {
      const stars = predictedStars(device, user, item);
      expect(stars).toBeGreaterThanOrEqual(0.5);
      expect(stars).toBeLessThanOrEqual(5);
    }
    expect(predictedStars(device, user, 2)).toBeGreaterThan(predictedStars(device, user, 25));
  });
});
