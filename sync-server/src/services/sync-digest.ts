// Runs in Node. Divergence detection for sync: a digest of a person's cells that a device compares
// with its own record of what the server holds, and the cells of the buckets where they differ.
import {
  type CellsResponse,
  cellBucket,
  cellDigest,
  type Change,
  type DigestResponse,
} from '@filmfold/model';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { syncCells } from '../db/schema';

const stampColumns = {
  kind: syncCells.kind,
  key: syncCells.key,
  hlc: syncCells.hlc,
  seq: syncCells.seq,
};

/** The change-log position of a person's cells: the newest sequence number among them. */
const cursorOf = (rows: readonly { seq: number }[]) =>
  rows.reduce((cursor, row) => Math.max(cursor, row.seq), 0);

/** The digest of everything `userId` holds, at the cursor it was taken at. */
export async function digestOfCells(
  database: Database,
  userId: string,
  now = Date.now(),
): Promise<DigestResponse> {
  // One statement, so the digest and its cursor describe the same moment.
  const rows = await database.db
    .select(stampColumns)
    .from(syncCells)
    .where(eq(syncCells.userId, userId));
  return { digest: cellDigest(rows), cells: rows.length, cursor: cursorOf(rows), serverTime: now };
}

/** Every cell `userId` holds in `buckets` (tombstones too): what a device re-pulls to repair. */
export async function cellsInBuckets(
  database: Database,
  userId: string,
  buckets: readonly number[],
  now = Date.now(),
): Promise<CellsResponse> {
  const rows = await database.db
    .select({ ...stampColumns, value: syncCells.value })
    .from(syncCells)
    .where(eq(syncCells.userId, userId));
  const wanted = new Set(buckets);
  const changes = rows
    .filter((row) => wanted.has(cellBucket(row.kind, row.key)))
    .map((row) => ({ kind: row.kind, key: row.key, value: row.value, hlc: row.hlc }) as Change);
  return { changes, cursor: cursorOf(rows), serverTime: now };
}
