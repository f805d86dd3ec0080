// Runs in browser and worker. Small named values kept in the settings table.
import type { FilmfoldDb } from './database';

/** Every setting, with the type of its value. */
export interface Settings {
  deviceId: string;
  /** The device's hybrid logical clock, as text. */
  clock: string;
  /** Where the last pull stopped. */
  syncCursor: number;
  /** The server's clock minus this device's, learned at each sync: edits are stamped in server time. */
  clockOffset: number;
  /** A push sent but not yet confirmed: retried with the same mutation id and the same entries. */
  pendingPush: { mutationId: string; owner: string; seqs: number[] };
  /** Stray unsent changes (another owner's) up to this outbox seq were decided on for this account. */
  strayDecision: { account: string; upToSeq: number };
  /** The signed-in account, remembered for offline starts. */
  account: { id: string; email: string };
  hasRequestedPersistence: boolean;
  /** Genres the person said they like or avoid (first run). */
  tastePreferences: { liked: string[]; avoided: string[] };
  /** Whether the first-run questions were answered or skipped. */
  hasFinishedWelcome: boolean;
  /** Whether the first visit's welcome (three ways to begin) was answered. */
  hasSeenStart: boolean;
  /** Anonymous contribution: on or off, and the current random contributor id. */
  contribution: { isOn: boolean; contributorId: string; since: string; lastSentAt: string | null };
  /** Two-letter region for "where to watch" (GB, US …), chosen on a film page. */
  watchRegion: string;
  /** Films the person chose for ambiguous import rows, by `service|title|year`: reused next time. */
  importChoices: Record<string, number>;
  /** What the server offers beyond MovieLens, as its health last said. */
  serverFeatures: { hasTmdb: boolean; hasOmdb: boolean };
}

export async function getSetting<K extends keyof Settings>(
  db: FilmfoldDb,
  key: K,
): Promise<Settings[K] | undefined> {
  return (await db.settings.get(key))?.value as Settings[K] | undefined;
}

export async function putSetting<K extends keyof Settings>(
  db: FilmfoldDb,
  key: K,
  value: Settings[K],
): Promise<void> {
  await db.settings.put({ key, value });
}

export async function deleteSetting(db: FilmfoldDb, key: keyof Settings): Promise<void> {
  await db.settings.delete(key);
}

/** A random id of 16 URL-safe characters (96 bits), for devices, mutations and diary entries. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}
