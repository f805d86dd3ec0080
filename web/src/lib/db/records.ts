// Runs in browser and worker. Writes to synced records: each write changes the record, its clock
// and (for local edits) the outbox in one transaction, so nothing is ever half-written.
import {
  type Change,
  changeSchema,
  type FeedbackKind,
  formatHlc,
  type Hlc,
  laterHlc,
  MAX_CLOCK_DRIFT_MS,
  observe,
  parseHlc,
  tick,
  type RecordKind,
} from '@filmfold/model';
import { type FilmfoldDb, recordKey, recordTable, SIGNED_OUT } from './database';
import { queueChanges } from './outbox';
import { noteServerHolds } from './server-clocks';
import { getSetting, putSetting, randomId } from './settings';

/** A change as the app makes it; the clock stamps it when it is written. */
export type LocalChange = Change extends infer C
  ? C extends Change
    ? Omit<C, 'hlc'>
    : never
  : never;

/** The device's clock ran into a state it cannot stamp (65,536 edits in one millisecond). */
export class ClockError extends Error {
  override name = 'ClockError';
}

/** An edit the shared schemas refuse (a NUL in a note, say): nothing of it is written. */
export class InvalidChangeError extends Error {
  override name = 'InvalidChangeError';
}

const SYNCED_KINDS: RecordKind[] = ['rating', 'watchlist', 'favourite', 'viewing', 'feedback'];

export function syncedTables(db: FilmfoldDb) {
  return [
    db.settings,
    db.clocks,
    db.serverClocks,
    db.outbox,
    ...SYNCED_KINDS.map((kind) => recordTable(db, kind)),
  ];
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

/** The device's hybrid logical clock as last saved. */
export async function deviceClock(db: FilmfoldDb): Promise<Hlc> {
  const stored = await getSetting(db, 'clock');
  return stored ? parseHlc(stored) : { millis: 0, counter: 0, node: await deviceId(db) };
}

/** Now, in the server's time as far as this device knows it (its own wall clock, corrected). */
export async function deviceNow(db: FilmfoldDb): Promise<number> {
  return db.wallClock() + ((await getSetting(db, 'clockOffset')) ?? 0);
}

/** Who owns the changes made now: the signed-in account, or this device signed out. */
export async function currentOwner(db: FilmfoldDb): Promise<string> {
  return (await getSetting(db, 'account'))?.id ?? SIGNED_OUT;
}

/** Puts a cell's value and clock in place (a null value deletes the record, keeping its clock). */
async function putCell(db: FilmfoldDb, change: Change): Promise<void> {
  const table = recordTable(db, change.kind);
  if (change.value === null) await table.delete(recordKey(change.kind, change.key));
  else await table.put(change.value);
  await db.clocks.put({ kind: change.kind, key: change.key, hlc: change.hlc });
}

/**
 * The stamp for a local edit of a cell: above the device's clock, above every clock this device
 * has seen for that cell, and no earlier than now. A slow wall clock therefore never makes an edit
 * lose to the value it replaced.
 */
function nextStamp(clock: Hlc, cellHlc: string | undefined, now: number): Hlc {
  const base = cellHlc ? { ...laterHlc(clock, parseHlc(cellHlc)), node: clock.node } : clock;
  const next = tick(base, now);
  if (!next.ok) throw new ClockError(`The device clock cannot advance (${next.reason}).`);
  return next.clock;
}

/**
 * Puts many cells in place at once: per table, the last change of each key is put or deleted, and
 * every cell's clock is stored, in a handful of bulk operations (an import writes thousands).
 */
async function putCells(db: FilmfoldDb, changes: readonly Change[]): Promise<void> {
  const last = new Map<string, Change>();
  for (const change of changes) last.set(`${change.kind}\u0000${change.key}`, change);
  for (const kind of SYNCED_KINDS) {
    const ofKind = [...last.values()].filter((c) => c.kind === kind);
    if (ofKind.length === 0) continue;
    const table = recordTable(db, kind);
    const puts = ofKind.flatMap((c) => (c.value === null ? [] : [c.value]));
    const deletes = ofKind.flatMap((c) => (c.value === null ? [recordKey(kind, c.key)] : []));
    if (puts.length) await table.bulkPut(puts);
    if (deletes.length) await table.bulkDelete(deletes);
  }
  await db.clocks.bulkPut(
    [...last.values()].map((c) => ({ kind: c.kind, key: c.key, hlc: c.hlc })),
  );
}

/** Applies the person's own edits here and queues them for sync; returns them as stamped. */
export async function writeLocal(db: FilmfoldDb, changes: LocalChange[]): Promise<Change[]> {
  return db.transaction('rw', syncedTables(db), async () => {
    let clock = await deviceClock(db);
    const now = await deviceNow(db);
    const owner = await currentOwner(db);
    // Every clock this device has seen for these cells, updated as this batch stamps them.
    const cellOf = (c: { kind: RecordKind; key: string }) => `${c.kind}\u0000${c.key}`;
    const held = await db.clocks.bulkGet(changes.map((c) => [c.kind, c.key]));
    const seen = new Map<string, string | undefined>();
    for (const [i, c] of changes.entries())
      if (!seen.has(cellOf(c))) seen.set(cellOf(c), held[i]?.hlc);
    const stamped: Change[] = [];
    for (const local of changes) {
      clock = nextStamp(clock, seen.get(cellOf(local)), now);
      const checked = changeSchema.safeParse({ ...local, hlc: formatHlc(clock) });
      if (!checked.success) {
        throw new InvalidChangeError(checked.error.issues[0]?.message ?? 'This edit is not valid.');
      }
      seen.set(cellOf(local), checked.data.hlc);
      stamped.push(checked.data);
    }
    await putCells(db, stamped);
    await queueChanges(db, stamped, owner);
    await putSetting(db, 'clock', formatHlc(clock));
    return stamped;
  });
}

/** Where remote changes came from: the account's server, and the pull cursor they end at. */
export interface FromServer {
  account: string;
  cursor?: number;
}

/**
 * Applies changes from the server: each wins only if its clock is newer than what this device
 * holds for that record (last writer wins, deletions included). Every stamp moves the device's
 * clock forward, winning or not, however far ahead of this device's wall clock it is: the server
 * checked it against its own. Returns how many won. With `from`, the stamps are noted as the
 * account's server cells and `from.cursor` is stored as where the next pull starts, unless the
 * device was signed in to another account meanwhile.
 */
export async function applyRemote(
  db: FilmfoldDb,
  changes: Change[],
  from?: FromServer,
): Promise<number> {
  return db.transaction('rw', syncedTables(db), async () => {
    let clock = await deviceClock(db);
    const now = await deviceNow(db);
    let won = 0;
    for (const change of changes) {
      const seen = observe(clock, parseHlc(change.hlc), now);
      if (seen.ok) clock = seen.clock;
      const local = await db.clocks.get([change.kind, change.key]);
      // HLC text sorts like the clock, so plain string order decides.
      if (local && local.hlc >= change.hlc) continue;
      await putCell(db, change);
      won++;
    }
    await putSetting(db, 'clock', formatHlc(clock));
    if (from && (await currentOwner(db)) === from.account) {
      await noteServerHolds(db, from.account, changes);
      // The cursor moves in the same transaction, so a crash never skips or half-applies a page.
      if (from.cursor !== undefined) await putSetting(db, 'syncCursor', from.cursor);
    }
    return won;
  });
}

/**
 * Re-dates `owner`'s unsent changes that are stamped further ahead than the server accepts: made
 * while this device's clock ran fast, before it learned the server's time. They never reached
 * anyone, so they may be re-dated; the clock restarts from the newest stamp the server could hold,
 * and each change goes above the server's own stamp for its cell.
 * Returns how many were re-dated.
 */
export async function restampAhead(db: FilmfoldDb, owner: string): Promise<number> {
  return db.transaction('rw', syncedTables(db), async () => {
    const now = await deviceNow(db);
    const isAhead = (hlc: string) => parseHlc(hlc).millis > now + MAX_CLOCK_DRIFT_MS / 2;
    const entries = await db.outbox
      .orderBy('seq')
      .filter(
        (entry) =>
          entry.owner === owner &&
          !entry.refusal &&
          entry.changes.some((change) => isAhead(change.hlc)),
      )
      .toArray();
    if (entries.length === 0) return 0;
    let clock: Hlc = { millis: 0, counter: 0, node: await deviceId(db) };
    await db.clocks.each((cell) => {
      if (!isAhead(cell.hlc)) clock = { ...laterHlc(clock, parseHlc(cell.hlc)), node: clock.node };
    });
    let restamped = 0;
    for (const entry of entries) {
      const changes: Change[] = [];
      for (const change of entry.changes) {
        if (!isAhead(change.hlc)) {
          changes.push(change);
          continue;
        }
        const { kind, key } = change;
        const cell = await db.clocks.get([kind, key]);
        // Above what the server holds for the cell, however far ahead (it accepted it, so it is
        // within the drift it allows): an edit must never lose to the value it replaced.
        const held = await db.serverClocks.get([owner, kind, key]);
        const seen = [cell && !isAhead(cell.hlc) ? cell.hlc : undefined, held?.hlc]
          .filter((hlc): hlc is string => hlc !== undefined)
          .sort()
          .at(-1);
        clock = nextStamp(clock, seen, now);
        const hlc = formatHlc(clock);
        if (cell?.hlc === change.hlc) await db.clocks.put({ ...cell, hlc });
        changes.push({ ...change, hlc });
        restamped++;
      }
      await db.outbox.update(entry.seq!, { changes });
    }
    await putSetting(db, 'clock', formatHlc(clock));
    return restamped;
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
