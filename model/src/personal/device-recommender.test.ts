import { describe, expect, it } from 'vitest';
import { prepareDeviceModel } from '../recommender/device-model';
import { IMPLICIT_DEFAULTS } from '../recommender/filmfold';
import { trainSharedModel } from '../recommender/shared-model';
import { twoTasteGroups } from '../recommender/test-data';
import { itemFacts } from './features';
import { trainPersonalWeights } from './personal-model';
import {
  buildPersonModel,
  carriedBy,
  hasTrainingFeedback,
  type PersonData,
  pickRecommendations,
  PRIOR_WEIGHTS,
  similarFilms,
} from './device-recommender';

// 40 people, 30 films: films 1-15 please one group, 16-30 the other.
const data = twoTasteGroups(60, 30, 0.6, 5);
const model = prepareDeviceModel(
  trainSharedModel(
    data,
    { implicit: { ...IMPLICIT_DEFAULTS, factors: 8 }, stars: null, content: null },
    undefined,
    'test',
  ),
);
const facts = itemFacts(
  Array.from(model.snapshot.movieIds, (id) => ({
    year: 2000,
    genres: [id <= 15 ? 'Drama' : 'Comedy'],
  })),
  Float32Array.from(model.snapshot.itemCounts),
);
const at = (day: number) => new Date(Date.UTC(2024, 0, day)).toISOString();
const dramaFan: PersonData = {
  ratings: [1, 2, 3, 4].map((movieId, i) => ({ movieId, rating: 5, ratedAt: at(i + 1) })),
  feedback: [],
};

describe('the device recommender', () => {
  it('recommends from the person’s side of the catalogue, never what they rated, with reasons', () => {
    const person = buildPersonModel(model, facts, dramaFan);
    expect(person.isTrained).toBe(false);
    expect(Array.from(person.weights)).toEqual(Array.from(PRIOR_WEIGHTS));
    const picks = pickRecommendations(model, person, { count: 5 });
    expect(picks).toHaveLength(5);
    for (const pick of picks) {
      expect(pick.movieId).toBeGreaterThan(4);
      expect(pick.movieId).toBeLessThanOrEqual(15);
      expect(pick.because.length).toBeGreaterThan(0);
      for (const reason of pick.because) expect([1, 2, 3, 4]).toContain(reason);
    }
  });

  it('explains a pick by the few ratings that carried it, not every rating', () => {
    const manyRatings: PersonData = {
      ratings: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16, 17].map((movieId, i) => ({
        movieId,
        rating: movieId <= 15 ? 5 : 2,
        ratedAt: at(i + 1),
      })),
      feedback: [],
    };
    const person = buildPersonModel(model, facts, manyRatings);
    const [pick] = pickRecommendations(model, person, { count: 1 });
    const carriers = carriedBy(model, person, model.indexOf(pick!.movieId));
    expect(carriers.length).toBeGreaterThan(0);
    expect(carriers.length).toBeLessThanOrEqual(5);
    const shares = carriers.map((c) => c.share);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
    // It stops once 80% of the pull is named: without the last carrier, less than that was.
    const allButLast = shares.slice(0, -1).reduce((a, b) => a + b, 0);
    expect(carriers.length === 5 || allButLast < 0.8).toBe(true);
    for (const carrier of carriers) expect(carrier.movieId).toBeLessThanOrEqual(15);
    expect(
      carriedBy(model, buildPersonModel(model, facts, { ratings: [], feedback: [] }), 0),
    ).toEqual([]);
  });

  it('learns from feedback at once: "not for me" and "hide" drop a film, and weights move', () => {
    const before = pickRecommendations(model, buildPersonModel(model, facts, dramaFan), {
      count: 3,
    });
    const top = before[0]!.movieId;
    const second = before[1]!.movieId;
    const withFeedback = {
      ...dramaFan,
      feedback: [
        { movieId: top, kind: 'not-for-me' as const },
        { movieId: second, kind: 'hide' as const },
      ],
    };
    expect(hasTrainingFeedback(withFeedback)).toBe(true);
    expect(() => buildPersonModel(model, facts, withFeedback)).toThrow(/needs a trainer/);
    const person = buildPersonModel(model, facts, withFeedback, trainPersonalWeights);
    expect(person.isTrained).toBe(true);
    expect(Array.from(person.weights)).not.toEqual(Array.from(PRIOR_WEIGHTS));
    const after = pickRecommendations(model, person, { count: 10 }).map((p) => p.movieId);
    expect(after).not.toContain(top);
    expect(after).not.toContain(second);
  });

  it('respects filters and spreads the list when asked for variety', () => {
    const person = buildPersonModel(model, facts, dramaFan);
    const allowed = Uint8Array.from(model.snapshot.movieIds, (id) => (id % 2 === 0 ? 1 : 0));
    const even = pickRecommendations(model, person, { count: 4, allowed });
    for (const pick of even) expect(pick.movieId % 2).toBe(0);
    const varied = pickRecommendations(model, person, { count: 4, diversity: 0.9 });
    expect(new Set(varied.map((p) => p.movieId)).size).toBe(4);
  });

  it('finds more like a film among films the same people liked, sharing its genre', () => {
    const similar = similarFilms(model, facts, 20, 5);
    expect(similar).not.toContain(20);
    for (const movieId of similar) expect(movieId).toBeGreaterThan(15);
  });

  it('recommends popular-side films to someone with no ratings, without reasons', () => {
    const picks = pickRecommendations(
      model,
      buildPersonModel(model, facts, { ratings: [], feedback: [] }),
      {
        count: 3,
      },
    );
    expect(picks).toHaveLength(3);
    expect(picks.every((p) => p.because.length === 0)).toBe(true);
  });
});
