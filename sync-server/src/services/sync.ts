// Runs in Node. Multi-device sync of a person's own records: last-writer-wins cells by HLC.
import {
  type Change,
  MAX_CLOCK_DRIFT_MS,
  parseHlc,
  type PullQuery,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '@filmfold/model';
import { and, asc, eq, gt, inArray, max, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/database';
import { syncCells, syncMutations } from '../db/schema';

export type PushOutcome =
  { ok: true; response: PushResponse } | { ok: false; reason: 'clock-drift'; message: string };

/**
 * Applies a device's changes for one user, atomically and once: a replayed mutation id returns
 * the first answer and changes nothing. A change wins only over an older clock for its cell.
 */
export async function pushChanges(
  database: Database,
  userId: string,
  request: PushRequest,
  now = Date.now(),
): Promise<PushOutcome> {
  for (const change of request.changes) {
    if (parseHlc(change.hlc).millis - now > MAX_CLOCK_DRIFT_MS) {
      return {
        ok: false,
        reason: 'clock-drift',
        message: `A change is dated ${change.hlc.slice(0, 24)}, more than 5 minutes ahead of the server's clock; check the device's clock.`,
      };
    }
  }
  const newest = newestPerCell(request.changes);
  const response = await database.transaction(async (tx) => {
    // One push at a time per user, so that the cursor order is the commit order.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${userId}))`);
    const [seen] = await tx
      .select({ applied: syncMutations.applied, cursor: syncMutations.cursor })
      .from(syncMutations)
      .where(
        and(
          eq(syncMutations.userId, userId),
          eq(syncMutations.deviceId, request.deviceId),
          eq(syncMutations.mutationId, request.mutationId),
        ),
      );
    if (seen) {
      return {
        applied: seen.applied,
        isReplay: true,
        cursor: seen.cursor,
        superseded: await newerCells(tx, userId, newest),
        serverTime: now,
      };
    }

    let applied = 0;
    let lost = newest;
    if (newest.length > 0) {
      const won = await tx
        .insert(syncCells)
        .values(
          newest.map((c) => ({
            userId,
            kind: c.kind,
            key: c.key,
            value: c.value,
            hlc: c.hlc,
            seq: sql`nextval('sync_seq')`,
          })),
        )
        .onConflictDoUpdate({
          target: [syncCells.userId, syncCells.kind, syncCells.key],
          set: { value: sql`excluded.value`, hlc: sql`excluded.hlc`, seq: sql`excluded.seq` },
          setWhere: sql`${syncCells.hlc} collate "C" < excluded.hlc collate "C"`,
        })
        .returning({ kind: syncCells.kind, key: syncCells.key });
      applied = won.length;
      const winners = new Set(won.map((cell) => cellId(cell)));
      lost = newest.filter((change) => !winners.has(cellId(change)));
    }
    const [last] = await tx
      .select({ cursor: max(syncCells.seq) })
      .from(syncCells)
      .where(eq(syncCells.userId, userId));
    const cursor = Number(last?.cursor ?? 0);
    await tx.insert(syncMutations).values({
      userId,
      deviceId: request.deviceId,
      mutationId: request.mutationId,
      applied,
      cursor,
      createdAt: new Date(now),
    });
    return {
      applied,
      isReplay: false,
      cursor,
      superseded: await newerCells(tx, userId, lost),
      serverTime: now,
    };
  });
  return { ok: true, response };
}

/** Everything of this user's that changed after `since`, oldest first, at most `limit`. */
export async function pullChanges(
  database: Database,
  userId: string,
  query: Pick<PullQuery, 'since' | 'limit'>,
  now = Date.now(),
): Promise<PullResponse> {
  const rows = await database.db
    .select()
    .from(syncCells)
    .where(and(eq(syncCells.userId, userId), gt(syncCells.seq, query.since)))
    .orderBy(asc(syncCells.seq))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    changes: page.map(
      (row) => ({ kind: row.kind, key: row.key, value: row.value, hlc: row.hlc }) as Change,
    ),
    cursor: page.length > 0 ? page[page.length - 1]!.seq : query.since,
    hasMore: rows.length > query.limit,
    serverTime: now,
  };
}

const cellId = (cell: { kind: string; key: string }) => `${cell.kind}\u0000${cell.key}`;

/** The server's cells among `changes` that hold a newer clock than the change: what won. */
async function newerCells(tx: Db, userId: string, changes: readonly Change[]): Promise<Change[]> {
  if (changes.length === 0) return [];
  const pushed = new Map(changes.map((change) => [cellId(change), change.hlc]));
  const rows = await tx
    .select({
      kind: syncCells.kind,
      key: syncCells.key,
      value: syncCells.value,
      hlc: syncCells.hlc,
    })
    .from(syncCells)
    .where(
      and(
        eq(syncCells.userId, userId),
        inArray(
          syncCells.key,
          changes.map((change) => change.key),
        ),
      ),
    );
  return rows
    .filter((row) => {
      const hlc = pushed.get(cellId(row));
      return hlc !== undefined && row.hlc > hlc;
    })
    .map((row) => row as Change);
}

/** Within one push, only the newest change of each cell matters. */
function newestPerCell(changes: readonly Change[]): Change[] {
  const newest = new Map<string, Change>();
  for (const change of changes) {
    const cell = cellId(change);
    const held = newest.get(cell);
    if (!held || held.hlc < change.hlc) newest.set(cell, change);
  }
  return [...newest.values()];
}
