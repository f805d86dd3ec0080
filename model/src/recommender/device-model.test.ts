import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from '../snapshot/codec';
import { prepareDeviceModel, recommend } from './device-model';
import { IMPLICIT_DEFAULTS } from './filmfold';
import { foldIn } from './fold-in';
import { trainSharedModel } from './shared-model';
import { twoTasteGroups } from './test-data';

const train = twoTasteGroups();
const snapshot = trainSharedModel(
  train,
  { implicit: { ...IMPLICIT_DEFAULTS, factors: 8, iterations: 6 }, stars: null, content: null },
  undefined,
  'test',
);
const device = prepareDeviceModel(decodeSnapshot(encodeSnapshot(snapshot, 'float16')));
const ratings = { items: Int32Array.of(16, 17, 18, 2), ratings: Float32Array.of(5, 4.5, 4, 1) };
const user = foldIn(device.space, ratings);

describe('recommend', () => {
  it('never recommends a rated or excluded film', () => {
    const picks = Array.from(recommend(device, user, { count: 10, excluded: [19, 20] }));
    expect(picks).toHaveLength(10);
    for (const item of [16, 17, 18, 2, 19, 20]) expect(picks).not.toContain(item);
  });

  it('keeps only films the filters allow', () => {
    const allowed = new Uint8Array(device.space.numItems);
    for (const item of [0, 1, 3, 25, 26]) allowed[item] = 1;
    const picks = Array.from(recommend(device, user, { count: 10, allowed }));
    expect(picks.sort((a, b) => a - b)).toEqual([0, 1, 3, 25, 26]);
  });

  it('puts the user’s taste group first (films 16-30 for someone who loved 17-19)', () => {
    const picks = Array.from(recommend(device, user, { count: 5 }));
    expect(picks.every((item) => item >= 15)).toBe(true);
  });

  it('returns distinct films with diversification on', () => {
    const picks = Array.from(recommend(device, user, { count: 8, diversity: 0.5 }));
    expect(new Set(picks).size).toBe(8);
  });

  it('maps movie ids to rows and refuses unknown ones with -1', () => {
    expect(device.indexOf(device.snapshot.movieIds[3]!)).toBe(3);
    expect(device.indexOf(999_999)).toBe(-1);
  });
});
