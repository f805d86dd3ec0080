// Runs in the browser. Which account this device is signed in to, as the device database keeps
// it, and what happens to unsent changes when that changes hands.
import { type FilmfoldDb, SIGNED_OUT } from '$lib/db/database';
import { deleteSetting, getSetting, putSetting } from '$lib/db/settings';

export interface DeviceAccount {
  id: string;
  email: string;
}

/** Unsent changes on this device that another owner made: the signed-in account never gets them unasked. */
export interface StrayChanges {
  /** Made while nobody was signed in. */
  signedOut: number;
  /** Made while another account was signed in. */
  otherAccounts: number;
}

/** What the person chose to do with stray changes. */
export type StrayChoice = 'keep' | 'add' | 'discard';

/**
 * Records who is signed in (null: nobody). Another account pulls its own history from the start
 * and never inherits the push that was in flight for the one before; unsent changes keep the
 * owner they were made under.
 */
export async function switchAccount(db: FilmfoldDb, account: DeviceAccount | null): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const previous = await getSetting(db, 'account');
    if (previous?.id !== account?.id) {
      await deleteSetting(db, 'syncCursor');
      await deleteSetting(db, 'pendingPush');
    }
    if (account) await putSetting(db, 'account', account);
    else await deleteSetting(db, 'account');
  });
}

/** A new account made from this device takes what was done here signed out: that is why people sign up. */
export async function adoptSignedOutChanges(db: FilmfoldDb, accountId: string): Promise<void> {
  await db.outbox.where('owner').equals(SIGNED_OUT).modify({ owner: accountId });
}

/** Unsent changes not `accountId`'s and not yet decided on (set-aside ones are shown elsewhere). */
export async function strayChanges(db: FilmfoldDb, accountId: string): Promise<StrayChanges> {
  const stray: StrayChanges = { signedOut: 0, otherAccounts: 0 };
  const decided = await getSetting(db, 'strayDecision');
  const after = decided?.account === accountId ? decided.upToSeq : 0;
  await db.outbox
    .where('seq')
    .above(after)
    .each((entry) => {
      if (entry.owner === accountId || entry.refusal) return;
      if (entry.owner === SIGNED_OUT) stray.signedOut += entry.changes.length;
      else stray.otherAccounts += entry.changes.length;
    });
  return stray;
}

/**
 * Settles stray changes for `accountId`: `add` gives them to it (they sync next), `keep` leaves
 * them on this device for whoever made them (and stops asking), `discard` drops them from the
 * outbox (the films stay on this device as they are, unsynced).
 */
export async function settleStrayChanges(
  db: FilmfoldDb,
  accountId: string,
  choice: StrayChoice,
): Promise<void> {
  await db.transaction('rw', db.outbox, db.settings, async () => {
    const stray = db.outbox.filter((entry) => entry.owner !== accountId && !entry.refusal);
    if (choice === 'add') await stray.modify({ owner: accountId });
    else if (choice === 'discard') await stray.delete();
    const last = await db.outbox.orderBy('seq').last();
    await putSetting(db, 'strayDecision', { account: accountId, upToSeq: last?.seq ?? 0 });
  });
}
