// Runs in the browser. Opens the app's database once, turning a blocked IndexedDB into a message.
import { FilmfoldDb } from './database';

export type OpenOutcome = { ok: true; db: FilmfoldDb } | { ok: false; message: string };

/** Opens the device database; private windows and disabled storage give a clear refusal. */
export async function openDeviceDb(): Promise<OpenOutcome> {
  if (typeof indexedDB === 'undefined') {
    return {
      ok: false,
      message: 'This browser has no IndexedDB, where Filmfold keeps your films.',
    };
  }
  const db = new FilmfoldDb();
  try {
    await db.open();
    return { ok: true, db };
  } catch (err) {
    console.error('Opening the device database failed:', err);
    return {
      ok: false,
      message:
        'Filmfold keeps your ratings in this browser’s storage, which is blocked here (a private window, or storage turned off). Open Filmfold in a normal window to use it.',
    };
  }
}

/** Asks the browser not to evict our storage under pressure; asked once, after a first rating. */
export async function requestPersistence(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
