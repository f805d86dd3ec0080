import { describe, expect, it } from 'vitest';
import { foldIn, prepareItemSpace } from '../recommender/fold-in';
import { IMPLICIT_DEFAULTS } from '../recommender/filmfold';
import { FEATURES, type History, itemFacts, NUM_FEATURES, personalFeatures } from './features';

// Four films on two axes: 0 and 1 point one way, 2 and 3 the other.
const space = prepareItemSpace(Float32Array.from([1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9]), 2, {
  ...IMPLICIT_DEFAULTS,
  factors: 2,
});
const facts = itemFacts(
  [
    { year: 1994, genres: ['Crime'] },
    { year: 1995, genres: ['Crime', 'Drama'] },
    { year: 2010, genres: ['Comedy'] },
    { year: null, genres: [] },
  ],
  Float32Array.from([100, 10, 50, 1]),
);
const column = (features: Float32Array, name: (typeof FEATURES)[number]) =>
  Array.from({ length: 4 }, (_, i) => features[i * NUM_FEATURES + FEATURES.indexOf(name)]!);

describe('personalFeatures', () => {
  const history: History = {
    items: Int32Array.from([2, 0]),
    ratings: Float32Array.from([1.5, 5]),
    times: Uint32Array.from([100, 200]),
  };
  const features = personalFeatures(space, foldIn(space, history), history, facts, {
    recentCount: 1,
    eraScale: 10,
  });

  it('matches films to the era of the latest ratings, with 0 where the year is unknown', () => {
    // The latest rating is film 0 (1994).
    expect(column(features, 'era')).toEqual([
      1,
      Math.fround(Math.exp(-1 / 10)),
      Math.fround(Math.exp(-16 / 10)),
      0,
    ]);
  });

  it('standardises scores per person: mean 0, spread 1', () => {
    for (const name of ['foldin', 'recent', 'popularity', 'genre'] as const) {
      const values = column(features, name);
      const mean = values.reduce((a, b) => a + b, 0) / 4;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / 4;
      expect(mean, name).toBeCloseTo(0, 5);
      expect(variance, name).toBeCloseTo(1, 4);
    }
  });

  it('points the recency and genre signals the right way', () => {
    const recent = column(features, 'recent');
    expect(recent[1]).toBeGreaterThan(recent[3]!); // like the latest film (0), unlike 2's side
    const genre = column(features, 'genre');
    expect(genre[0]).toBeGreaterThan(genre[2]!); // Crime rated above the person's mean, Comedy below
  });

  it('leaves recency, era and genre taste at 0 for a person with no ratings', () => {
    const empty: History = {
      items: new Int32Array(),
      ratings: new Float32Array(),
      times: new Uint32Array(),
    };
    const none = personalFeatures(space, foldIn(space, empty), empty, facts, {
      recentCount: 5,
      eraScale: 10,
    });
    for (const name of ['recent', 'era', 'genre'] as const) {
      expect(column(none, name), name).toEqual([0, 0, 0, 0]);
    }
  });
});
