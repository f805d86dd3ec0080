import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from '../snapshot/codec';
import type { ContentDocument } from './content-map';
import { withContentOnlyFilms } from './content-only-films';
import { prepareDeviceModel } from './device-model';
import { CONTENT_DEFAULTS, IMPLICIT_DEFAULTS, STAR_DEFAULTS } from './filmfold';
import { foldIn, scoreAllItems } from './fold-in';
import { trainSharedModel } from './shared-model';
import { twoTasteGroups } from './test-data';

const doc = (genre: string): ContentDocument => ({
  genres: [genre],
  tags: [],
  directors: [],
  cast: [],
  keywords: [],
});
// Films 1-15 (liked by one group) are dramas, 16-30 comedies.
const train = twoTasteGroups();
const snapshot = trainSharedModel(
  train,
  {
    implicit: { ...IMPLICIT_DEFAULTS, factors: 8, iterations: 6 },
    stars: { ...STAR_DEFAULTS, factors: 4, iterations: 4 },
    content: { ...CONTENT_DEFAULTS, minRatings: 1, blend: 0 },
  },
  Array.from(train.items.ids, (id) => doc(id <= 15 ? 'Drama' : 'Comedy')),
  'test',
);

describe('withContentOnlyFilms', () => {
  const extended = withContentOnlyFilms(snapshot, [
    { movieId: 0, doc: doc('Comedy') },
    { movieId: 31, doc: doc('Drama') },
    { movieId: 32, doc: doc('Comedy') },
    { movieId: 5, doc: doc('Comedy') }, // already in: left as it is
  ]);

  it('adds the new films in movie-id order and keeps every trained row as it was', () => {
    expect(Array.from(extended.movieIds)).toEqual(Array.from({ length: 33 }, (_, i) => i));
    const k = snapshot.content!.k;
    for (let row = 0; row < snapshot.movieIds.length; row++) {
      const to = row + 1; // film 0 comes first
      expect(extended.implicit.factors.subarray(to * k, (to + 1) * k)).toEqual(
        snapshot.implicit.factors.subarray(row * k, (row + 1) * k),
      );
      expect(extended.itemCounts[to]).toBe(snapshot.itemCounts[row]);
      expect(extended.stars!.itemBias[to]).toBe(snapshot.stars!.itemBias[row]);
    }
    expect([extended.itemCounts[0], extended.itemCounts[31], extended.itemCounts[32]]).toEqual([
      0, 0, 0,
    ]);
    expect(extended.stars!.itemBias[31]).toBe(0);
  });

  it('places a content-only film by its content: a drama lover is shown the new drama first', () => {
    const device = prepareDeviceModel(decodeSnapshot(encodeSnapshot(extended, 'float16')));
    const rows = (...ids: number[]) => Int32Array.from(ids, (id) => device.indexOf(id));
    const user = foldIn(device.space, {
      items: rows(1, 2, 3, 4),
      ratings: Float32Array.of(5, 5, 4.5, 5),
    });
    const scores = scoreAllItems(
      device.space,
      user.vector,
      new Float32Array(device.space.numItems),
    );
    expect(scores[device.indexOf(31)]!).toBeGreaterThan(scores[device.indexOf(32)]!);
  });

  it('changes nothing without a content map', () => {
    const plain = { ...snapshot, content: null };
    expect(withContentOnlyFilms(plain, [{ movieId: 31, doc: doc('Drama') }])).toBe(plain);
  });
});
