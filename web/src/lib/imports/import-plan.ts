// Runs in browser, worker and Node. From an export's records, each matched to a catalog film, to
// the local changes that bring them onto the device: nothing twice (a re-import of the same file
// changes nothing), the person's own ratings kept or replaced as they chose, and counts for the
// preview. Reviews and lists are counted but wait for their own records (#18).
import type { ImportRecord } from '@filmfold/model/imports';
import type { LocalChange } from '$lib/db/records';

/** A record and the film it was matched to (by the matcher, or chosen in the preview). */
export type MatchedRecord = ImportRecord & { movieId: number };

/** What the device already holds, as the plan needs it. */
export interface DeviceHoldings {
  ratings: ReadonlyMap<number, { rating: number; ratedAt: string }>;
  watchlist: ReadonlySet<number>;
  favourites: ReadonlySet<number>;
  /** How many viewings of each film on each day (`movieId|YYYY-MM-DD`). */
  viewings: ReadonlyMap<string, number>;
  feedback: ReadonlySet<number>;
}

/** When the file and the device give one film different stars. */
export type ConflictPolicy = 'newer' | 'mine' | 'theirs';

export interface RatingConflict {
  movieId: number;
  mine: number;
  theirs: number;
  /** The one the chosen policy keeps. */
  kept: 'mine' | 'theirs';
}

export interface ImportPlan {
  changes: LocalChange[];
  added: {
    ratings: number;
    viewings: number;
    rewatches: number;
    watchlist: number;
    favourites: number;
    seen: number;
  };
  /** Already on the device exactly so. */
  unchanged: number;
  conflicts: RatingConflict[];
  /** Read but not imported yet: reviews and list entries. */
  waiting: { reviews: number; listEntries: number };
}

const viewingId = (movieId: number, watchedOn: string, n: number) =>
  `imp-${movieId}-${watchedOn.replace(/-/g, '')}-${n}`;

/**
 * The changes that import `records` onto a device holding `device`.
 * @example planImport(matched, holdings, 'newer', '2025-01-01T00:00:00.000Z').changes
 */
export function planImport(
  records: readonly MatchedRecord[],
  device: DeviceHoldings,
  policy: ConflictPolicy,
  importedAt: string,
): ImportPlan {
  const plan: ImportPlan = {
    changes: [],
    added: { ratings: 0, viewings: 0, rewatches: 0, watchlist: 0, favourites: 0, seen: 0 },
    unchanged: 0,
    conflicts: [],
    waiting: { reviews: 0, listEntries: 0 },
  };
  const of = <K extends MatchedRecord['kind']>(kind: K) =>
    records.filter((r): r is Extract<MatchedRecord, { kind: K }> => r.kind === kind);

  // One rating per film: the file's latest.
  const ratings = new Map<number, Extract<MatchedRecord, { kind: 'rating' }>>();
  for (const r of of('rating')) {
    const before = ratings.get(r.movieId);
    if (!before || (r.ratedAt ?? '') >= (before.ratedAt ?? '')) ratings.set(r.movieId, r);
  }
  for (const [movieId, r] of ratings) {
    const mine = device.ratings.get(movieId);
    if (mine?.rating === r.rating) {
      plan.unchanged++;
      continue;
    }
    if (mine) {
      const isTheirs =
        policy === 'theirs' || (policy === 'newer' && (r.ratedAt ?? '') > mine.ratedAt);
      plan.conflicts.push({
        movieId,
        mine: mine.rating,
        theirs: r.rating,
        kept: isTheirs ? 'theirs' : 'mine',
      });
      if (!isTheirs) continue;
    } else plan.added.ratings++;
    plan.changes.push({
      kind: 'rating',
      key: String(movieId),
      value: { movieId, rating: r.rating, ratedAt: r.ratedAt ?? importedAt },
    });
  }

  // Viewings: as many per film and day as the file has, less those already on the device.
  const inFile = new Map<string, number>();
  for (const v of of('viewing')) {
    const day = `${v.movieId}|${v.watchedOn}`;
    const n = (inFile.get(day) ?? 0) + 1;
    inFile.set(day, n);
    if (n <= (device.viewings.get(day) ?? 0)) {
      plan.unchanged++;
      continue;
    }
    const id = viewingId(v.movieId, v.watchedOn, n - 1);
    plan.changes.push({
      kind: 'viewing',
      key: id,
      value: {
        id,
        movieId: v.movieId,
        watchedOn: v.watchedOn,
        rating: v.rating,
        isRewatch: v.isRewatch,
        note: '',
        loggedAt: importedAt,
      },
    });
    plan.added.viewings++;
    if (v.isRewatch) plan.added.rewatches++;
  }

  /** Watchlist, likes and "seen": one change per film, unless the device already has it. */
  const addOnce = <K extends 'watchlist' | 'favourite' | 'seen'>(
    kind: K,
    isHeld: (movieId: number) => boolean,
    changeOf: (record: Extract<MatchedRecord, { kind: K }>) => LocalChange,
    count: 'watchlist' | 'favourites' | 'seen',
    isSkipped: (movieId: number) => boolean = () => false,
  ) => {
    const done = new Set<number>();
    for (const record of of(kind)) {
      const { movieId } = record as MatchedRecord;
      if (done.has(movieId) || isSkipped(movieId)) continue;
      done.add(movieId);
      if (isHeld(movieId)) plan.unchanged++;
      else {
        plan.changes.push(changeOf(record));
        plan.added[count]++;
      }
    }
  };
  addOnce(
    'watchlist',
    (id) => device.watchlist.has(id),
    (w) => ({
      kind: 'watchlist',
      key: String(w.movieId),
      value: { movieId: w.movieId, addedAt: w.addedAt ?? importedAt, note: '' },
    }),
    'watchlist',
  );
  addOnce(
    'favourite',
    (id) => device.favourites.has(id),
    (f) => ({
      kind: 'favourite',
      key: String(f.movieId),
      value: { movieId: f.movieId, addedAt: f.addedAt ?? importedAt },
    }),
    'favourites',
  );
  // Seen without a rating or a diary entry: "already seen", so it leaves the picks.
  const watched = new Set([
    ...device.ratings.keys(),
    ...ratings.keys(),
    ...of('viewing').map((v) => v.movieId),
    ...[...device.viewings.keys()].map((day) => Number(day.split('|')[0])),
  ]);
  addOnce(
    'seen',
    (id) => device.feedback.has(id),
    (s) => ({
      kind: 'feedback',
      key: String(s.movieId),
      value: { movieId: s.movieId, kind: 'already-seen', givenAt: s.seenAt ?? importedAt },
    }),
    'seen',
    (id) => watched.has(id),
  );
  plan.waiting.reviews = of('review').length;
  plan.waiting.listEntries = of('list-entry').length;
  return plan;
}
