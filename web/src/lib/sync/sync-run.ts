// Runs in the browser. One round of sync: push the outbox, then pull what other devices wrote.
import {
  type Change,
  pullResponseSchema,
  pushResponseSchema,
  SYNC_PROTOCOL_VERSION,
} from '@filmfold/model';
import { type ApiClient, NetworkError } from '$lib/api/client';
import type { FilmfoldDb, OutboxEntry } from '$lib/db/database';
import { applyRemote, currentOwner, deviceId, restampAhead, syncedTables } from '$lib/db/records';
import { OUTBOX_ENTRY_CHANGES, splitEntries } from '$lib/db/outbox';
import { noteServerHolds } from '$lib/db/server-clocks';
import { deleteSetting, getSetting, putSetting, randomId } from '$lib/db/settings';
import { type Failure, failureOf, refusalOf, type SyncOutcome } from './sync-outcome';
import { compareDigest, repairBuckets } from './sync-repair';

/** Changes per push at most (an outbox entry holds no more); the server takes up to 1,000. */
const PUSH_BATCH = OUTBOX_ENTRY_CHANGES;
const PULL_PAGE = 500;

/** The server's clock, as the offset from this device's: edits are stamped in server time. */
async function learnServerTime(db: FilmfoldDb, serverTime: number): Promise<void> {
  await putSetting(db, 'clockOffset', serverTime - db.wallClock());
}

/**
 * The next outbox entries of `owner`'s to push, oldest first, leaving out those set aside: the
 * first entry, and those after it while the batch stays within `size` changes.
 */
async function nextBatch(db: FilmfoldDb, owner: string, size: number): Promise<OutboxEntry[]> {
  const batch: OutboxEntry[] = [];
  let changes = 0;
  await db.outbox
    .orderBy('seq')
    .filter((entry) => entry.owner === owner && !entry.refusal)
    .until((entry) => batch.length > 0 && changes + entry.changes.length > size)
    .each((entry) => {
      batch.push(entry);
      changes += entry.changes.length;
    });
  return batch;
}

/**
 * Pushes the signed-in account's own outbox in batches; changes made under another account, or
 * signed out, stay where they are. A batch keeps its mutation id until the server confirms it,
 * so a push retried after a lost answer or a closed tab is applied once. A batch the server
 * refuses (400) is retried one change at a time, and a change refused alone is set aside for the
 * person to see; the rest goes on.
 */
async function pushOutbox(
  db: FilmfoldDb,
  client: ApiClient,
): Promise<{ pushed: number; setAside: number } | Failure> {
  const device = await deviceId(db);
  const owner = await currentOwner(db);
  let pushed = 0;
  let setAside = 0;
  let batchSize = PUSH_BATCH;
  let hasRestamped = false;
  for (;;) {
    let pending = await getSetting(db, 'pendingPush');
    if (pending && pending.owner !== owner) pending = undefined;
    if (!pending) {
      const batch = await nextBatch(db, owner, batchSize);
      if (batch.length === 0) return { pushed, setAside };
      pending = { mutationId: randomId(), owner, seqs: batch.map((entry) => entry.seq!) };
      await putSetting(db, 'pendingPush', pending);
    }
    const entries = (await db.outbox.bulkGet(pending.seqs)).filter(
      (entry): entry is OutboxEntry => entry !== undefined,
    );
    const res = await client.api.sync.push.$post({
      json: {
        protocolVersion: SYNC_PROTOCOL_VERSION,
        deviceId: device,
        mutationId: pending.mutationId,
        changes: entries.flatMap((entry) => entry.changes),
      },
    });
    if (!res.ok) {
      const refusal = await refusalOf(res);
      if (refusal.status !== 400) return failureOf(refusal);
      // Refused whole, so nothing of it was applied: the same changes may go again under new ids.
      await deleteSetting(db, 'pendingPush');
      if (refusal.code === 'clock_drift' && !hasRestamped) {
        // This device's clock ran fast: learn the server's time from a pull, re-date, retry.
        hasRestamped = true;
        const pulled = await pullChanges(db, client);
        if (typeof pulled !== 'number') return pulled;
        await restampAhead(db, owner);
      } else if (entries.length > 1 || entries[0]!.changes.length > 1) {
        // One change at a time from here, so that only the refused one is set aside.
        await splitEntries(db, pending.seqs);
        batchSize = 1;
      } else {
        await db.outbox.update(pending.seqs[0]!, { refusal: refusal.message });
        setAside++;
      }
      continue;
    }
    const answer = pushResponseSchema.parse(await res.json());
    await learnServerTime(db, answer.serverTime);
    await db.transaction('rw', syncedTables(db), async () => {
      await db.outbox.bulkDelete(pending.seqs);
      await deleteSetting(db, 'pendingPush');
      // The server holds each pushed change, or a newer one: the winner, sent back just below.
      await noteServerHolds(
        db,
        owner,
        entries.flatMap((entry) => entry.changes),
      );
    });
    // Where another device's newer value won, the server sends it back: show the winner.
    await applyRemote(db, answer.superseded, { account: owner });
    pushed += entries.reduce((sum, entry) => sum + entry.changes.length, 0);
  }
}

/** Pulls every change after the stored cursor, applying each page with its cursor atomically. */
async function pullChanges(db: FilmfoldDb, client: ApiClient): Promise<number | Failure> {
  const account = await currentOwner(db);
  let pulled = 0;
  for (;;) {
    const since = (await getSetting(db, 'syncCursor')) ?? 0;
    const res = await client.api.sync.pull.$get({
      query: {
        protocolVersion: String(SYNC_PROTOCOL_VERSION),
        since: String(since),
        limit: String(PULL_PAGE),
      },
    });
    if (!res.ok) return failureOf(await refusalOf(res));
    const page = pullResponseSchema.safeParse(await res.json());
    if (!page.success) {
      return {
        ok: false,
        reason: 'refused',
        message: 'The server sent changes this app cannot read.',
      };
    }
    await learnServerTime(db, page.data.serverTime);
    pulled += await applyRemote(db, page.data.changes as Change[], {
      account,
      cursor: page.data.cursor,
    });
    if (!page.data.hasMore) return pulled;
  }
}

/** Pushes the outbox, then pulls: the plain part of a round. */
async function exchange(db: FilmfoldDb, client: ApiClient) {
  const pushed = await pushOutbox(db, client);
  if ('ok' in pushed) return pushed;
  const pulled = await pullChanges(db, client);
  if (typeof pulled !== 'number') return pulled;
  return { ...pushed, pulled };
}

/**
 * Pushes, pulls, then compares digests with the server; where they disagree, re-pulls those
 * buckets, sends again what the server lost, and compares once more. Being offline is an outcome,
 * not an exception; a bug is an exception.
 */
export async function syncOnce(db: FilmfoldDb, client: ApiClient): Promise<SyncOutcome> {
  try {
    const account = await currentOwner(db);
    const first = await exchange(db, client);
    if ('ok' in first) return first;
    const check = await compareDigest(db, client, account);
    if ('ok' in check) return check;
    const done = { ok: true as const, ...first, repaired: 0, unrepaired: 0 };
    if (check.state !== 'differs') return done;

    const repaired = await repairBuckets(db, client, account, check.buckets);
    if (typeof repaired !== 'number') return repaired;
    const second = await exchange(db, client);
    if ('ok' in second) return second;
    const recheck = await compareDigest(db, client, account);
    if ('ok' in recheck) return recheck;
    return {
      ok: true,
      pushed: first.pushed + second.pushed,
      pulled: first.pulled + second.pulled,
      setAside: first.setAside + second.setAside,
      repaired,
      unrepaired: recheck.state === 'differs' ? recheck.buckets.length : 0,
    };
  } catch (err) {
    if (err instanceof NetworkError) return { ok: false, reason: 'offline', message: err.message };
    throw err;
  }
}

/** A change the server refused, set aside with its reason. */
export interface SetAsideChange {
  seq: number;
  change: Change;
  refusal: string;
}

/** Changes the server refused, set aside with their reasons, newest first. */
export async function setAsideChanges(db: FilmfoldDb): Promise<SetAsideChange[]> {
  const entries = await db.outbox.where('refusal').aboveOrEqual('').toArray();
  return entries
    .flatMap((entry) =>
      entry.changes.map((change) => ({ seq: entry.seq!, change, refusal: entry.refusal! })),
    )
    .sort((a, b) => b.seq - a.seq);
}

/** Drops a change the server refused: it stays on this device as it is, unsynced. */
export async function discardSetAside(db: FilmfoldDb, seq: number): Promise<void> {
  await db.outbox.delete(seq);
}
