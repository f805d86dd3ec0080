// Runs in the browser. Finds and repairs divergence between this device and the server: the
// device compares the server's digest of the account's cells with its own record of them, and
// re-pulls only the buckets that disagree (Actual Budget compares Merkle tries the same way).
import {
  cellsResponseSchema,
  differingBuckets,
  digestResponseSchema,
  SYNC_PROTOCOL_VERSION,
} from '@filmfold/model';
import type { ApiClient } from '$lib/api/client';
import type { FilmfoldDb } from '$lib/db/database';
import { applyRemote, syncedTables } from '$lib/db/records';
import { knownServerDigest, resendLostCells } from '$lib/db/server-clocks';
import { getSetting, putSetting } from '$lib/db/settings';
import { type Failure, failureOf, refusalOf } from './sync-outcome';

/** Buckets asked for in one request, so that one answer stays small. */
const BUCKETS_PER_REQUEST = 8;

export type DigestCheck =
  /** The server's change log moved past this device's cursor: compare after the next pull. */
  { state: 'moved' } | { state: 'same' } | { state: 'differs'; buckets: number[] };

const unreadable = (what: string): Failure => ({
  ok: false,
  reason: 'refused',
  message: `The server sent ${what} this app cannot read.`,
});

/** Compares the server's digest of `account`'s cells with what this device knows of them. */
export async function compareDigest(
  db: FilmfoldDb,
  client: ApiClient,
  account: string,
): Promise<DigestCheck | Failure> {
  const res = await client.api.sync.digest.$get({
    query: { protocolVersion: String(SYNC_PROTOCOL_VERSION) },
  });
  if (!res.ok) return failureOf(await refusalOf(res));
  const answer = digestResponseSchema.safeParse(await res.json());
  if (!answer.success) return unreadable('a digest');
  const cursor = (await getSetting(db, 'syncCursor')) ?? 0;
  if (answer.data.cursor > cursor) return { state: 'moved' };
  // A server behind this device's cursor lost changes (restored from a backup, say): its new
  // changes will be numbered from its own position, so pull from there again, and compare now.
  if (answer.data.cursor < cursor) await putSetting(db, 'syncCursor', answer.data.cursor);
  const buckets = differingBuckets(await knownServerDigest(db, account), answer.data.digest);
  return buckets.length === 0 ? { state: 'same' } : { state: 'differs', buckets };
}

/**
 * Re-pulls `buckets` of `account`: the server's newer values win here, and values the server
 * should hold but lost are queued to be sent again. Returns how many cells were put right.
 */
export async function repairBuckets(
  db: FilmfoldDb,
  client: ApiClient,
  account: string,
  buckets: readonly number[],
): Promise<number | Failure> {
  let repaired = 0;
  for (let start = 0; start < buckets.length; start += BUCKETS_PER_REQUEST) {
    const group = buckets.slice(start, start + BUCKETS_PER_REQUEST);
    const res = await client.api.sync.cells.$get({
      query: { protocolVersion: String(SYNC_PROTOCOL_VERSION), buckets: group.join(',') },
    });
    if (!res.ok) return failureOf(await refusalOf(res));
    const answer = cellsResponseSchema.safeParse(await res.json());
    if (!answer.success) return unreadable('cells');
    const cells = answer.data.changes;
    repaired += await db.transaction('rw', syncedTables(db), async () => {
      const won = await applyRemote(db, cells, { account });
      return won + (await resendLostCells(db, account, group, cells));
    });
  }
  return repaired;
}
