import { describe, expect, it } from 'vitest';
import { userRatingsOf } from './fold-in';
import { foldIn, explainScore, prepareItemSpace, scoreAllItems } from './fold-in';
import { IMPLICIT_DEFAULTS } from './filmfold';
import { type ImplicitParams, trainImplicit, userStep } from './implicit-als';
import { twoTasteGroups } from './test-data';

const params: ImplicitParams = { ...IMPLICIT_DEFAULTS, factors: 8, iterations: 6, seed: 3 };
const train = twoTasteGroups();

const ratingsOf = (user: number) => userRatingsOf(train, user);

describe('implicit ALS', () => {
  it('is deterministic for a seed, and differs for another', () => {
    const a = trainImplicit(train, params);
    const b = trainImplicit(train, params);
    const c = trainImplicit(train, { ...params, seed: 4 });
    expect(a.itemFactors).toEqual(b.itemFactors);
    expect(a.itemFactors).not.toEqual(c.itemFactors);
  });

  it('fold-in equals the trainer’s own (exact) user step', () => {
    const exact = { ...params, cgSteps: 0 };
    const { itemFactors } = trainImplicit(train, exact);
    const fromTrainer = userStep(train, itemFactors, exact);
    const space = prepareItemSpace(itemFactors, exact.factors, exact);
    for (const user of [0, 7, 21]) {
      const folded = foldIn(space, ratingsOf(user));
      Array.from(folded.vector).forEach((v, c) =>
        expect(v).toBeCloseTo(fromTrainer[user * exact.factors + c]!, 5),
      );
    }
  });

  it('conjugate-gradient training approaches the exact user step', () => {
    const { itemFactors } = trainImplicit(train, params);
    const exact = userStep(train, itemFactors, { ...params, cgSteps: 0 });
    const approx = userStep(train, itemFactors, { ...params, cgSteps: params.factors });
    approx.forEach((v, i) => expect(v).toBeCloseTo(exact[i]!, 3));
  });

  it('learns the two taste groups: a user’s unrated liked films outrank their group’s disliked ones', () => {
    const { itemFactors } = trainImplicit(train, params);
    const space = prepareItemSpace(itemFactors, params.factors, params);
    const user = 2; // dense index 2 is userId 3: odd, so group B (likes films 16-30)
    const scores = scoreAllItems(
      space,
      foldIn(space, ratingsOf(user)).vector,
      new Float32Array(space.numItems),
    );
    const rated = new Set(ratingsOf(user).items);
    const mean = (from: number, to: number) => {
      const picked = Array.from({ length: to - from }, (_, k) => from + k).filter(
        (i) => !rated.has(i),
      );
      return picked.reduce((sum, i) => sum + scores[i]!, 0) / picked.length;
    };
    expect(mean(15, 30)).toBeGreaterThan(mean(0, 15));
  });

  it('explains a score exactly: the contributions of the rated films sum to it', () => {
    const { itemFactors } = trainImplicit(train, params);
    const space = prepareItemSpace(itemFactors, params.factors, params);
    const folded = foldIn(space, ratingsOf(5));
    const scores = scoreAllItems(space, folded.vector, new Float32Array(space.numItems));
    for (const item of [0, 10, 29]) {
      const parts = explainScore(space, folded, item);
      expect(parts).toHaveLength(folded.ratings.items.length);
      expect(parts.reduce((sum, p) => sum + p.contribution, 0)).toBeCloseTo(scores[item]!, 4);
      // Largest first; low ratings are negatives and contribute nothing directly.
      expect(parts[0]!.contribution).toBeGreaterThanOrEqual(parts.at(-1)!.contribution);
    }
  });
});

describe('fold-in with bad input', () => {
  const { itemFactors } = trainImplicit(train, params);
  const space = prepareItemSpace(itemFactors, params.factors, params);

  it('gives a zero vector (no preference) for a user with no ratings', () => {
    const folded = foldIn(space, { items: new Int32Array(0), ratings: new Float32Array(0) });
    expect(Array.from(folded.vector).every((v) => v === 0)).toBe(true);
  });

  it.each([
    [
      { items: Int32Array.of(999), ratings: Float32Array.of(4) },
      /item index 999 is not in the item space/,
    ],
    [{ items: Int32Array.of(-1), ratings: Float32Array.of(4) }, /item index -1/],
    [
      { items: Int32Array.of(1), ratings: Float32Array.of(Number.NaN) },
      /rating NaN is not 0.5-5 stars/,
    ],
    [{ items: Int32Array.of(1), ratings: Float32Array.of(7) }, /rating 7 is not 0.5-5 stars/],
    [{ items: Int32Array.of(1, 2), ratings: Float32Array.of(4) }, /differ in length/],
  ])('refuses %o', (ratings, message) => {
    expect(() => foldIn(space, ratings)).toThrow(message);
  });
});
