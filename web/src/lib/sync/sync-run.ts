// Runs in the browser. One round of sync: push the outbox, then pull what other devices wrote.
import { pullResponseSchema, SYNC_PROTOCOL_VERSION } from '@filmfold/model';
import type { ApiClient } from '$lib/api/client';
import type { FilmfoldDb } from '$lib/db/database';
import { applyRemote, deviceId } from '$lib/db/records';
import { deleteSetting, getSetting, putSetting, randomId } from '$lib/db/settings';

/** Changes per push; the server takes up to 1,000. */
const PUSH_BATCH = 250;
const PULL_PAGE = 500;

export type SyncOutcome =
  | { ok: true; pushed: number; pulled: number }
  | {
      ok: false;
      reason: 'offline' | 'signed-out' | 'update-required' | 'refused';
      message: string;
    };

type Failure = Extract<SyncOutcome, { ok: false }>;

async function failureOf(res: Response): Promise<Failure> {
  if (res.status === 401)
    return { ok: false, reason: 'signed-out', message: 'Sign in again to sync.' };
  let message = `The server answered ${res.status}.`;
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    if (body.error?.message) message = body.error.message;
  } catch {
    // Not a JSON error body (a proxy page, say): the status says enough.
  }
  if (res.status === 426) return { ok: false, reason: 'update-required', message };
  if (res.status >= 500) return { ok: false, reason: 'offline', message };
  return { ok: false, reason: 'refused', message };
}

/**
 * Pushes the outbox in batches. A batch keeps its mutation id until the server confirms it, so a
 * push retried after a lost answer or a closed tab is applied once.
 */
async function pushOutbox(db: FilmfoldDb, client: ApiClient): Promise<number | Failure> {
  const device = await deviceId(db);
  let pushed = 0;
  for (;;) {
    let pending = await getSetting(db, 'pendingPush');
    if (!pending) {
      const last =
        (await db.outbox
          .orderBy('seq')
          .offset(PUSH_BATCH - 1)
          .first()) ?? (await db.outbox.orderBy('seq').last());
      if (!last) return pushed;
      pending = { mutationId: randomId(), upToSeq: last.seq! };
      await putSetting(db, 'pendingPush', pending);
    }
    const entries = await db.outbox.where('seq').belowOrEqual(pending.upToSeq).toArray();
    if (entries.length > 0) {
      const res = await client.api.sync.push.$post({
        json: {
          protocolVersion: SYNC_PROTOCOL_VERSION,
          deviceId: device,
          mutationId: pending.mutationId,
          changes: entries.map((entry) => entry.change),
        },
      });
      if (!res.ok) return failureOf(res);
    }
    const upToSeq = pending.upToSeq;
    await db.transaction('rw', db.outbox, db.settings, async () => {
      await db.outbox.where('seq').belowOrEqual(upToSeq).delete();
      await deleteSetting(db, 'pendingPush');
    });
    pushed += entries.length;
  }
}

/** Pulls every change after the stored cursor, applying each page with its cursor atomically. */
async function pullChanges(db: FilmfoldDb, client: ApiClient): Promise<number | Failure> {
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
    if (!res.ok) return failureOf(res);
    const page = pullResponseSchema.safeParse(await res.json());
    if (!page.success) {
      return {
        ok: false,
        reason: 'refused',
        message: 'The server sent changes this app cannot read.',
      };
    }
    pulled += await applyRemote(db, page.data.changes, page.data.cursor);
    if (!page.data.hasMore) return pulled;
  }
}

/** Pushes, then pulls. Being offline is an outcome, not an exception. */
export async function syncOnce(db: FilmfoldDb, client: ApiClient): Promise<SyncOutcome> {
  try {
    const pushed = await pushOutbox(db, client);
    if (typeof pushed !== 'number') return pushed;
    const pulled = await pullChanges(db, client);
    if (typeof pulled !== 'number') return pulled;
    return { ok: true, pushed, pulled };
  } catch (err) {
    // fetch rejects with a TypeError when the network is down.
    if (err instanceof TypeError)
      return { ok: false, reason: 'offline', message: 'No connection to the server.' };
    throw err;
  }
}
