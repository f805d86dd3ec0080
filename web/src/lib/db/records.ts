// Runs in browser and worker. Writes to synced records: each write changes the record, its clock
// and (for local edits) the outbox in one transaction, so nothing is ever half-written.
import {
  type Change,
  type FeedbackKind,
  formatHlc,
  type Hlc,
  parseHlc,
  receive,
  tick,
  type RecordKind,
} from '@filmfold/model';
import { type FilmfoldDb, recordKey, recordTable } from './database';
import { getSetting, putSetting, randomId } from './settings';

/** A change as the app makes it; the clock stamps it when it is written. */
export type LocalChange = Change extends infer C
  ? C extends Change
    ? Omit<C, 'hlc'>
    : never
  : never;

/** The device's clock ran into a state it cannot stamp (a clock far off, or 65,536 edits in 1 ms). */
export class ClockError extends Error {
  override name = 'ClockError';
}

const SYNCED_KINDS: RecordKind[] = ['rating', 'watchlist', 'favourite', 'viewing', 'feedback'];

function syncedTables(db: FilmfoldDb) {
  return [db.settings, db.clocks, db.outbox, ...SYNCED_KINDS.map((kind) => recordTable(db, kind))];
}

/** This device's id, made once. */
export async function deviceId(db: FilmfoldDb): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const existing = await getSetting(db, 'deviceId');
    if (existing) return existing;
    const id = randomId();
    await putSetting(db, 'deviceId', id);
    return id;
  });
}

async function deviceClock(db: FilmfoldDb): Promise<Hlc> {
  const stored = await getSetting(db, 'clock');
  return stored ? parseHlc(stored) : { millis: 0, counter: 0, node: await deviceId(db) };
}

async function store(db: FilmfoldDb, change: Change): Promise<void> {
  const table = recordTable(db, change.kind);
  if (change.value === null) await table.delete(recordKey(change.kind, change.key));
  else await table.put(change.value);
  await db.clocks.put({ kind: change.kind, key: change.key, hlc: change.hlc });
}

/** Applies the person's own edits here and queues them for sync; returns them as stamped. */
export async function writeLocal(db: FilmfoldDb, changes: LocalChange[]): Promise<Change[]> {
  return db.transaction('rw', syncedTables(db), async () => {
    let clock = await deviceClock(db);
    const stamped: Change[] = [];
    for (const local of changes) {
      const next = tick(clock, Date.now());
      if (!next.ok) throw new ClockError(`The device clock cannot advance (${next.reason}).`);
      clock = next.clock;
      const change = { ...local, hlc: formatHlc(clock) } as Change;
      await store(db, change);
      await db.outbox.add({ change });
      stamped.push(change);
    }
    await putSetting(db, 'clock', formatHlc(clock));
    return stamped;
  });
}

/**
 * Applies changes pulled from the server: each wins only if its clock is newer than what this
 * device holds for that record (last writer wins, deletions included). Returns how many won.
 * `cursor`, when given, is stored as where the next pull starts.
 */
export async function applyRemote(
  db: FilmfoldDb,
  changes: Change[],
  cursor?: number,
): Promise<number> {
  return db.transaction('rw', syncedTables(db), async () => {
    let clock = await deviceClock(db);
    let won = 0;
    for (const change of changes) {
      const seen = receive(clock, parseHlc(change.hlc), Date.now());
      if (seen.ok) clock = seen.clock;
      const local = await db.clocks.get([change.kind, change.key]);
      // HLC text sorts like the clock, so plain string order decides.
      if (local && local.hlc >= change.hlc) continue;
      await store(db, change);
      won++;
    }
    await putSetting(db, 'clock', formatHlc(clock));
    // The cursor moves in the same transaction, so a crash never skips or half-applies a page.
    if (cursor !== undefined) await putSetting(db, 'syncCursor', cursor);
    return won;
  });
}

const now = () => new Date().toISOString();

/** Rates a film (0.5-5 in half stars), or clears its rating with null. */
export function rate(db: FilmfoldDb, movieId: number, rating: number | null) {
  return writeLocal(db, [
    {
      kind: 'rating',
      key: String(movieId),
      value: rating === null ? null : { movieId, rating, ratedAt: now() },
    },
  ]);
}

export function setOnWatchlist(db: FilmfoldDb, movieId: number, isOn: boolean) {
  return writeLocal(db, [
    {
      kind: 'watchlist',
      key: String(movieId),
      value: isOn ? { movieId, addedAt: now(), note: '' } : null,
    },
  ]);
}

export function setFavourite(db: FilmfoldDb, movieId: number, isFavourite: boolean) {
  return writeLocal(db, [
    {
      kind: 'favourite',
      key: String(movieId),
      value: isFavourite ? { movieId, addedAt: now() } : null,
    },
  ]);
}

/** Logs a viewing on `watchedOn` (YYYY-MM-DD); a film may be watched many times. */
export function logViewing(
  db: FilmfoldDb,
  movieId: number,
  watchedOn: string,
  rating: number | null = null,
  isRewatch = false,
) {
  const id = randomId();
  return writeLocal(db, [
    {
      kind: 'viewing',
      key: id,
      value: { id, movieId, watchedOn, rating, isRewatch, note: '', loggedAt: now() },
    },
  ]);
}

export function deleteViewing(db: FilmfoldDb, id: string) {
  return writeLocal(db, [{ kind: 'viewing', key: id, value: null }]);
}

/** Feedback on a recommendation (helpful, not for me, hide, already seen), or none with null. */
export function giveFeedback(db: FilmfoldDb, movieId: number, kind: FeedbackKind | null) {
  return writeLocal(db, [
    {
      kind: 'feedback',
      key: String(movieId),
      value: kind === null ? null : { movieId, kind, givenAt: now() },
    },
  ]);
}
