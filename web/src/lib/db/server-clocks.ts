// Runs in browser and worker. What this device knows the server holds for an account, cell by
// cell: kept beside the records so that a digest can be compared with the server's own.
import {
  type CellStamp,
  cellBucket,
  cellDigest,
  type Change,
  type RecordKind,
} from '@filmfold/model';
import Dexie from 'dexie';
import { type FilmfoldDb, recordKey, recordTable, type ServerClock } from './database';
import { queueChanges } from './outbox';

const accountRange = (db: FilmfoldDb, account: string) =>
  db.serverClocks
    .where('[account+kind+key]')
    .between([account, Dexie.minKey, Dexie.minKey], [account, Dexie.maxKey, Dexie.maxKey]);

/**
 * Notes that the server holds at least these stamps for `account`: each cell keeps the newest
 * stamp it has been seen with. Call inside a transaction that includes `db.serverClocks`.
 */
export async function noteServerHolds(
  db: FilmfoldDb,
  account: string,
  stamps: readonly CellStamp[],
): Promise<void> {
  const held = await db.serverClocks.bulkGet(stamps.map((s) => [account, s.kind, s.key]));
  const newest = new Map<string, ServerClock>();
  stamps.forEach(({ kind, key, hlc }, i) => {
    const cell = `${kind}\u0000${key}`;
    const known = newest.get(cell)?.hlc ?? held[i]?.hlc;
    if (known === undefined || known < hlc)
      newest.set(cell, { account, kind: kind as RecordKind, key, hlc });
  });
  await db.serverClocks.bulkPut([...newest.values()]);
}

/** The digest of what this device knows `account`'s server cells to be. */
export async function knownServerDigest(db: FilmfoldDb, account: string): Promise<string[]> {
  return cellDigest(await accountRange(db, account).toArray());
}

/**
 * Repairs `buckets` of `account` from the server's own cells there: the server's newer values
 * become this device's; cells the device knew the server to hold but that it no longer holds (or
 * holds older: a server restored from a backup) are queued to be sent again, when this device still
 * holds exactly that value; and what the device knows of those buckets becomes what the server
 * said. Returns how many cells are sent again. Call inside a transaction that includes the synced
 * tables and `db.serverClocks`.
 */
export async function resendLostCells(
  db: FilmfoldDb,
  account: string,
  buckets: readonly number[],
  serverCells: readonly Change[],
): Promise<number> {
  const wanted = new Set(buckets);
  const onServer = new Map(serverCells.map((c) => [`${c.kind}\u0000${c.key}`, c.hlc]));
  const known = (await accountRange(db, account).toArray()).filter((cell) =>
    wanted.has(cellBucket(cell.kind, cell.key)),
  );
  const resent: Change[] = [];
  for (const cell of known) {
    const serverHlc = onServer.get(`${cell.kind}\u0000${cell.key}`);
    if (serverHlc !== undefined && serverHlc >= cell.hlc) continue;
    // Only the very value this account was known to hold: never another account's, on a shared
    // device, nor one the person changed since (that one is in the outbox already).
    const local = await db.clocks.get([cell.kind, cell.key]);
    if (local?.hlc !== cell.hlc) continue;
    const value = (await recordTable(db, cell.kind).get(recordKey(cell.kind, cell.key))) ?? null;
    resent.push({ kind: cell.kind, key: cell.key, value, hlc: cell.hlc } as Change);
  }
  await queueChanges(db, resent, account);
  for (const cell of known) await db.serverClocks.delete([account, cell.kind, cell.key]);
  await noteServerHolds(db, account, serverCells);
  return resent.length;
}
