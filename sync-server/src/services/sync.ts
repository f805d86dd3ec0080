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
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/database';
import { syncCells } from '../db/schema';

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
  // Within one push only the newest change of each cell matters (and one statement may not
  // update a row twice). The database applies the batch in one call (drizzle/0009_sync_push.sql).
  const newest = newestPerCell(request.changes);
  const [row] = await database.rows<{ result: PushAnswer }>(
    sql`select filmfold_push(${userId}, ${request.deviceId}, ${request.mutationId}, ${JSON.stringify(newest)}::jsonb, ${new Date(now).toISOString()}::timestamptz) as result`,
  );
  const answer = row!.result;
  return {
    ok: true,
    response: {
      applied: Number(answer.applied),
      isReplay: answer.isReplay,
      cursor: Number(answer.cursor),
      superseded: answer.superseded,
      serverTime: now,
    },
  };
}

/** What filmfold_push answers. */
interface PushAnswer {
  applied: number;
  isReplay: boolean;
  cursor: number;
  superseded: Change[];
}

/** A page of a user's cells after a cursor, prepared once per database (every pull asks it). */
const pulls = new WeakMap<Db, ReturnType<typeof preparePullPage>>();

const preparePullPage = (db: Db) =>
  db
    .select()
    .from(syncCells)
    .where(
      and(
        eq(syncCells.userId, sql.placeholder('userId')),
        gt(syncCells.seq, sql.placeholder('since')),
      ),
    )
    .orderBy(asc(syncCells.seq))
    .limit(sql.placeholder('limit'))
    .prepare('sync_pull_page');

function pullPage(db: Db) {
  let query = pulls.get(db);
  if (!query) pulls.set(db, (query = preparePullPage(db)));
  return query;
}

/** Everything of this user's that changed after `since`, oldest first, at most `limit`. */
export async function pullChanges(
  database: Database,
  userId: string,
  query: Pick<PullQuery, 'since' | 'limit'>,
  now = Date.now(),
): Promise<PullResponse> {
  const rows = await pullPage(database.db).execute({
    userId,
    since: query.since,
    limit: query.limit + 1,
  });
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
