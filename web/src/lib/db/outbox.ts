// Runs in browser and worker. The outbox: local changes waiting to be pushed. One entry holds the
// changes of one write (a single edit, or up to a push batch of an import), because IndexedDB's
// cost is per stored value: a 10,000-row import queued as 40 entries writes in half the time of
// 10,000 entries.
import type { Change } from '@filmfold/model';
import type { FilmfoldDb, OutboxEntry } from './database';

/** Changes per outbox entry at most: one entry always fits in one push. */
export const OUTBOX_ENTRY_CHANGES = 250;

/** Queues `changes` for `owner`, in order, as few entries as fit. */
export async function queueChanges(
  db: FilmfoldDb,
  changes: readonly Change[],
  owner: string,
): Promise<void> {
  const entries: OutboxEntry[] = [];
  for (let start = 0; start < changes.length; start += OUTBOX_ENTRY_CHANGES) {
    entries.push({ changes: changes.slice(start, start + OUTBOX_ENTRY_CHANGES), owner });
  }
  await db.outbox.bulkAdd(entries);
}

/** `owner`'s changes waiting to be pushed (those set aside not counted). */
export async function countUnsent(db: FilmfoldDb, owner: string): Promise<number> {
  let count = 0;
  await db.outbox
    .where('owner')
    .equals(owner)
    .each((entry) => {
      if (!entry.refusal) count += entry.changes.length;
    });
  return count;
}

/** Every unsent change on this device, oldest first, whoever made it. */
export async function unsentChanges(db: FilmfoldDb): Promise<Change[]> {
  return (await db.outbox.orderBy('seq').toArray()).flatMap((entry) => entry.changes);
}

/**
 * Splits entries holding several changes into one entry per change (queued after the rest), so
 * that a change the server refuses can be set aside alone.
 */
export async function splitEntries(db: FilmfoldDb, seqs: readonly number[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const entries = (await db.outbox.bulkGet([...seqs])).filter(
      (entry): entry is OutboxEntry => entry !== undefined && entry.changes.length > 1,
    );
    if (entries.length === 0) return;
    await db.outbox.bulkDelete(entries.map((entry) => entry.seq!));
    await db.outbox.bulkAdd(
      entries.flatMap((entry) =>
        entry.changes.map((change) => ({ changes: [change], owner: entry.owner })),
      ),
    );
  });
}
