// Runs in the browser. Keeps the device in sync in the background and says how it is going.
import { liveQuery } from 'dexie';
import { account } from '$lib/account/account.svelte';
import { apiClient } from '$lib/api/client';
import type { FilmfoldDb } from '$lib/db/database';
import { countUnsent } from '$lib/db/outbox';
import { currentOwner } from '$lib/db/records';
import { handleError } from '$lib/ui/toasts.svelte';
import { retryDelayMs } from './backoff';
import { syncOnce } from './sync-run';

export type SyncStatus =
  | { state: 'signed-out' }
  | { state: 'synced'; at: Date }
  | { state: 'syncing' }
  | { state: 'offline' }
  /** The server answered 5xx (or is overloaded): tried again by itself after `retryAt`. */
  | { state: 'trouble'; retryAt: Date }
  | { state: 'error'; message: string };

/** Sync again this long after the last round, to pick up other devices' changes. */
const POLL_MS = 30_000;
/** Wait this long after a local edit, so a burst of edits goes in one push. */
const DEBOUNCE_MS = 400;

class SyncEngine {
  status: SyncStatus = $state({ state: 'signed-out' });
  /** The signed-in account's (or, signed out, this device's) changes not yet on the server. */
  pending = $state(0);
  /** Changes the server refused, set aside for the person to see (and discard). */
  setAside = $state(0);
  private db: FilmfoldDb | null = null;
  private running: Promise<void> | null = null;
  private isRequestedAgain = false;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private troubleCount = 0;
  private outboxWatch: { unsubscribe(): void } | null = null;

  /** Starts watching the outbox, the network and the clock; returns a stop function. */
  start(db: FilmfoldDb): () => void {
    this.db = db;
    this.watchOutbox(db);
    const online = () => void this.syncNow();
    const offline = () => {
      if (account.current) this.status = { state: 'offline' };
    };
    const visible = () => {
      if (document.visibilityState === 'visible') void this.syncNow();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    document.addEventListener('visibilitychange', visible);
    const poll = setInterval(() => void this.syncNow(), POLL_MS);
    void this.syncNow();
    return () => {
      this.outboxWatch?.unsubscribe();
      this.outboxWatch = null;
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      document.removeEventListener('visibilitychange', visible);
      clearInterval(poll);
      clearTimeout(this.debounce);
      clearTimeout(this.retry);
    };
  }

  /** Counts what waits in the outbox, again after every change to it. */
  private watchOutbox(db: FilmfoldDb): void {
    this.outboxWatch = liveQuery(async () => {
      // Read inside the query, so that signing in or out recounts.
      const owner = await currentOwner(db);
      const setAside = await db.outbox.where('refusal').aboveOrEqual('').count();
      return { pending: await countUnsent(db, owner), setAside };
    }).subscribe({
      next: ({ pending, setAside }) => {
        const grew = pending > this.pending;
        this.pending = pending;
        this.setAside = setAside;
        if (grew) this.soon();
      },
      error: (err: unknown) => handleError(err, 'Watching the outbox'),
    });
  }

  /**
   * Stops counting the outbox while thousands of entries go in (an import): each count would
   * hold up the next batch. The returned function counts once and watches again.
   */
  pauseOutboxWatch(): () => void {
    this.outboxWatch?.unsubscribe();
    this.outboxWatch = null;
    return () => {
      if (this.db && !this.outboxWatch) this.watchOutbox(this.db);
    };
  }

  /** Syncs shortly (edits in quick succession share one push). */
  soon(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.syncNow(), DEBOUNCE_MS);
  }

  /** One round now, or one more right after the round already running. */
  async syncNow(): Promise<void> {
    if (this.running) {
      this.isRequestedAgain = true;
      return this.running;
    }
    this.running = this.rounds().finally(() => (this.running = null));
    return this.running;
  }

  private async rounds(): Promise<void> {
    do {
      this.isRequestedAgain = false;
      await this.round();
    } while (this.isRequestedAgain);
  }

  private async round(): Promise<void> {
    const db = this.db;
    if (!db) return;
    if (!account.current) {
      this.status = { state: 'signed-out' };
      return;
    }
    if (!navigator.onLine) {
      this.status = { state: 'offline' };
      return;
    }
    this.status = { state: 'syncing' };
    try {
      const outcome = await syncOnce(db, apiClient());
      if (outcome.ok || outcome.reason !== 'server-trouble') this.troubleCount = 0;
      if (outcome.ok && outcome.unrepaired > 0) {
        this.status = {
          state: 'error',
          message:
            'This device and the server disagree about some of your films, and syncing could not match them up. Nothing was deleted; it will try again.',
        };
      } else if (outcome.ok) this.status = { state: 'synced', at: new Date() };
      else if (outcome.reason === 'offline') this.status = { state: 'offline' };
      else if (outcome.reason === 'server-trouble') {
        const wait = retryDelayMs(this.troubleCount++);
        this.status = { state: 'trouble', retryAt: new Date(Date.now() + wait) };
        clearTimeout(this.retry);
        this.retry = setTimeout(() => void this.syncNow(), wait);
      } else if (outcome.reason === 'signed-out') {
        await account.load(db);
        this.status = account.current
          ? { state: 'error', message: outcome.message }
          : { state: 'signed-out' };
      } else this.status = { state: 'error', message: outcome.message };
    } catch (err) {
      this.status = { state: 'error', message: 'Sync failed unexpectedly.' };
      handleError(err, 'Sync');
    }
  }
}

export const sync = new SyncEngine();

/** One line for the status pill. */
export function describeSync(status: SyncStatus, pending: number, setAside = 0): string {
  if (setAside > 0 && status.state !== 'signed-out')
    return `${setAside} change${setAside === 1 ? '' : 's'} not saved`;
  switch (status.state) {
    case 'signed-out':
      // Nothing is wrong: without an account, this device is where the films live.
      return 'Saved on this device';
    case 'synced':
      return pending > 0 ? `${pending} change${pending === 1 ? '' : 's'} to sync` : 'Synced';
    case 'syncing':
      return 'Syncing…';
    case 'offline':
      return pending > 0 ? `Offline · ${pending} waiting` : 'Offline';
    case 'trouble':
      return 'Server trouble, retrying';
    case 'error':
      return 'Sync error';
  }
}
