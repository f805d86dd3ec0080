// Runs in browser and worker. Writes an import plan onto the device as the person's own edits
// (records.ts), so it syncs like any other change: in batches of one transaction each, with
// progress, stoppable between batches. A stopped import is resumed by importing again: the plan
// skips what is already there.
import type { FilmfoldDb } from '$lib/db/database';
import { writeLocal } from '$lib/db/records';
import { getSetting, putSetting } from '$lib/db/settings';
import type { DeviceHoldings, ImportPlan } from './import-plan';

/** Edits per transaction: few transactions (each has a fixed cost), none long enough to hold up reads. */
export const IMPORT_BATCH = 1000;

/** What the device holds now, for planning an import. */
export async function deviceHoldings(db: FilmfoldDb): Promise<DeviceHoldings> {
  const [ratings, watchlist, favourites, viewings, feedback] = await Promise.all([
    db.ratings.toArray(),
    db.watchlist.toArray(),
    db.favourites.toArray(),
    db.viewings.toArray(),
    db.feedback.toArray(),
  ]);
  const perDay = new Map<string, number>();
  for (const v of viewings) {
    const day = `${v.movieId}|${v.watchedOn}`;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return {
    ratings: new Map(ratings.map((r) => [r.movieId, r])),
    watchlist: new Set(watchlist.map((w) => w.movieId)),
    favourites: new Set(favourites.map((f) => f.movieId)),
    viewings: perDay,
    feedback: new Set(feedback.map((f) => f.movieId)),
  };
}

/**
 * Writes `plan.changes`; `onProgress` gets the share written (0-1). Returns how many were
 * written, which is fewer than planned when `signal` stopped it.
 */
export async function applyImport(
  db: FilmfoldDb,
  plan: ImportPlan,
  onProgress: (done: number) => void = () => {},
  signal?: AbortSignal,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < plan.changes.length; start += IMPORT_BATCH) {
    if (signal?.aborted) break;
    const batch = plan.changes.slice(start, start + IMPORT_BATCH);
    await writeLocal(db, batch);
    written += batch.length;
    onProgress(written / plan.changes.length);
    // Let the page draw and answer between batches.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return written;
}

/** The key an ambiguous row's choice is remembered by. */
export const choiceKey = (service: string, film: { title: string; year: number | null }) =>
  `${service}|${film.title.trim().toLowerCase()}|${film.year ?? ''}`;

/** Remembers the films chosen for ambiguous rows, for the next import. */
export async function rememberChoices(db: FilmfoldDb, chosen: Record<string, number>) {
  const before = (await getSetting(db, 'importChoices')) ?? {};
  await putSetting(db, 'importChoices', { ...before, ...chosen });
}

export async function rememberedChoices(db: FilmfoldDb): Promise<Record<string, number>> {
  return (await getSetting(db, 'importChoices')) ?? {};
}
