import type { ImportedFilm } from '@filmfold/model/imports';
import { describe, expect, it } from 'vitest';
import type { LocalChange } from '$lib/db/records';
import { type DeviceHoldings, type MatchedRecord, planImport } from './import-plan';

const film: ImportedFilm = {
  title: 'x',
  otherTitles: [],
  year: 2000,
  imdbId: null,
  tmdbId: null,
  link: null,
  kind: null,
};
const source = { file: 'diary.csv', line: 2 };
const AT = '2025-01-01T00:00:00.000Z';

const records: MatchedRecord[] = [
  { kind: 'rating', film, source, movieId: 1, rating: 4.5, ratedAt: '2024-01-05T12:00:00.000Z' },
  { kind: 'rating', film, source, movieId: 2, rating: 3, ratedAt: '2024-01-06T12:00:00.000Z' },
  {
    kind: 'viewing',
    film,
    source,
    movieId: 1,
    watchedOn: '2024-01-04',
    rating: 4.5,
    isRewatch: false,
  },
  {
    kind: 'viewing',
    film,
    source,
    movieId: 1,
    watchedOn: '2024-05-31',
    rating: 5,
    isRewatch: true,
  },
  {
    kind: 'viewing',
    film,
    source,
    movieId: 1,
    watchedOn: '2024-05-31',
    rating: 5,
    isRewatch: true,
  },
  { kind: 'watchlist', film, source, movieId: 3, addedAt: null },
  { kind: 'favourite', film, source, movieId: 1, addedAt: '2024-02-03T12:00:00.000Z' },
  { kind: 'seen', film, source, movieId: 1, seenAt: null },
  { kind: 'seen', film, source, movieId: 4, seenAt: '2023-03-03T12:00:00.000Z' },
  { kind: 'review', film, source, movieId: 1, text: 'Yes.', watchedOn: null, hasSpoilers: false },
];

const empty = (): DeviceHoldings => ({
  ratings: new Map(),
  watchlist: new Set(),
  favourites: new Set(),
  viewings: new Map(),
  feedback: new Set(),
});

/** The device after `changes`, as the plan sees it. */
function after(device: DeviceHoldings, changes: readonly LocalChange[]): DeviceHoldings {
  const next = {
    ratings: new Map(device.ratings),
    watchlist: new Set(device.watchlist),
    favourites: new Set(device.favourites),
    viewings: new Map(device.viewings),
    feedback: new Set(device.feedback),
  };
  for (const c of changes) {
    if (c.value === null) continue;
    if (c.kind === 'rating') next.ratings.set(c.value.movieId, c.value);
    if (c.kind === 'watchlist') next.watchlist.add(c.value.movieId);
    if (c.kind === 'favourite') next.favourites.add(c.value.movieId);
    if (c.kind === 'feedback') next.feedback.add(c.value.movieId);
    if (c.kind === 'viewing') {
      const day = `${c.value.movieId}|${c.value.watchedOn}`;
      next.viewings.set(day, (next.viewings.get(day) ?? 0) + 1);
    }
  }
  return next;
}

describe('planImport', () => {
  it('adds every kind once, counts rewatches, and marks seen only what has no rating or diary', () => {
    const plan = planImport(records, empty(), 'newer', AT);
    expect(plan.added).toEqual({
      ratings: 2,
      viewings: 3,
      rewatches: 2,
      watchlist: 1,
      favourites: 1,
      seen: 1,
    });
    expect(plan.waiting).toEqual({ reviews: 1, listEntries: 0 });
    expect(plan.changes.filter((c) => c.kind === 'feedback').map((c) => c.key)).toEqual(['4']);
    // Two viewings on one day stay two, with ids that are the same on every device.
    expect(plan.changes.filter((c) => c.kind === 'viewing').map((c) => c.key)).toEqual([
      'imp-1-20240104-0',
      'imp-1-20240531-0',
      'imp-1-20240531-1',
    ]);
  });

  it('changes nothing when the same file is imported again', () => {
    const first = planImport(records, empty(), 'newer', AT);
    const again = planImport(records, after(empty(), first.changes), 'newer', AT);
    expect(again.changes).toEqual([]);
    expect(again.unchanged).toBe(first.changes.length);
  });

  it('keeps the newer, mine or theirs when a film already has other stars', () => {
    const device = {
      ...empty(),
      ratings: new Map([[1, { rating: 2, ratedAt: '2024-03-01T00:00:00.000Z' }]]),
    };
    const keep = (policy: 'newer' | 'mine' | 'theirs') =>
      planImport(records, device, policy, AT).changes.find(
        (c) => c.kind === 'rating' && c.key === '1',
      );
    expect(keep('newer')).toBeUndefined(); // the device's 2★ of March is newer than January's 4.5★
    expect(keep('mine')).toBeUndefined();
    expect(keep('theirs')).toMatchObject({ value: { rating: 4.5 } });
    expect(planImport(records, device, 'newer', AT).conflicts).toEqual([
      { movieId: 1, mine: 2, theirs: 4.5, kept: 'mine' },
    ]);
  });
});
