// Runs in the browser. The person's data as a file: JSON with everything (re-importable, exactly)
// and CSV for spreadsheets (ratings, watchlist, diary).
import {
  favouriteSchema,
  feedbackSchema,
  ratingSchema,
  viewingEntrySchema,
  watchlistEntrySchema,
} from '@filmfold/model';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { z } from 'zod';
import type { FilmfoldDb } from '$lib/db/database';
import { type LocalChange, writeLocal } from '$lib/db/records';

export const EXPORT_FORMAT = 'filmfold-export';
export const EXPORT_VERSION = 1;

export const personalExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: 'This is not a Filmfold export.' }),
  version: z.literal(EXPORT_VERSION, { error: 'This export comes from another Filmfold version.' }),
  exportedAt: z.iso.datetime({ offset: true }),
  ratings: z.array(ratingSchema),
  watchlist: z.array(watchlistEntrySchema),
  favourites: z.array(favouriteSchema),
  viewings: z.array(viewingEntrySchema),
  feedback: z.array(feedbackSchema),
});
export type PersonalExport = z.infer<typeof personalExportSchema>;

/** Everything the person made on this device, in a stable order. */
export async function exportPersonalData(
  db: FilmfoldDb,
  now = new Date(),
): Promise<PersonalExport> {
  const [ratings, watchlist, favourites, viewings, feedback] = await Promise.all([
    db.ratings.orderBy('movieId').toArray(),
    db.watchlist.orderBy('movieId').toArray(),
    db.favourites.orderBy('movieId').toArray(),
    db.viewings.orderBy('id').toArray(),
    db.feedback.orderBy('movieId').toArray(),
  ]);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    ratings,
    watchlist,
    favourites,
    viewings,
    feedback,
  };
}

/** Every film an export names, for the titles and ids the CSV files write beside them. */
export function exportedMovieIds(data: PersonalExport): number[] {
  const { ratings, watchlist, favourites, viewings, feedback } = data;
  return [...ratings, ...watchlist, ...favourites, ...viewings, ...feedback].map((r) => r.movieId);
}

export type ImportOutcome = { ok: true; records: number } | { ok: false; message: string };

/** Changes per transaction while importing, so a large file shows progress and stays responsive. */
const IMPORT_BATCH = 500;

/**
 * Restores an export: every record as it was (same values, dates and ids), written as local
 * changes so that it also syncs. A file that does not validate changes nothing.
 */
export async function importPersonalData(
  db: FilmfoldDb,
  file: unknown,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ImportOutcome> {
  const parsed = personalExportSchema.safeParse(file);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = issues
      .slice(0, 3)
      .map(
        (issue) => `${issue.message}${issue.path.length ? ` (at ${issue.path.join('.')})` : ''}`,
      );
    const more = issues.length > 3 ? ` … and ${issues.length - 3} more problems.` : '';
    return {
      ok: false,
      message: `This file cannot be imported, and nothing was changed: ${shown.join('; ')}${more}`,
    };
  }
  const data = parsed.data;
  const key = (movieId: number) => String(movieId);
  const changes: LocalChange[] = [
    ...data.ratings.map((value) => ({ kind: 'rating' as const, key: key(value.movieId), value })),
    ...data.watchlist.map((value) => ({
      kind: 'watchlist' as const,
      key: key(value.movieId),
      value,
    })),
    ...data.favourites.map((value) => ({
      kind: 'favourite' as const,
      key: key(value.movieId),
      value,
    })),
    ...data.viewings.map((value) => ({ kind: 'viewing' as const, key: value.id, value })),
    ...data.feedback.map((value) => ({
      kind: 'feedback' as const,
      key: key(value.movieId),
      value,
    })),
  ];
  for (let start = 0; start < changes.length; start += IMPORT_BATCH) {
    await writeLocal(db, changes.slice(start, start + IMPORT_BATCH));
    onProgress(Math.min(start + IMPORT_BATCH, changes.length), changes.length);
  }
  return { ok: true, records: changes.length };
}

type TitleOf = (movieId: number) => { title: string; year: number | null } | undefined;

/** Ratings, watchlist and diary as CSV files (RFC 4180, csv-stringify), titles included. */
export function personalCsv(data: PersonalExport, titleOf: TitleOf): Record<string, string> {
  const film = (movieId: number) => [titleOf(movieId)?.title ?? '', titleOf(movieId)?.year ?? ''];
  return {
    'ratings.csv': stringify(
      data.ratings.map((r) => [r.movieId, ...film(r.movieId), r.rating, r.ratedAt]),
      { header: true, columns: ['movieId', 'title', 'year', 'rating', 'ratedAt'] },
    ),
    'watchlist.csv': stringify(
      data.watchlist.map((w) => [w.movieId, ...film(w.movieId), w.addedAt, w.note]),
      { header: true, columns: ['movieId', 'title', 'year', 'addedAt', 'note'] },
    ),
    'diary.csv': stringify(
      data.viewings.map((v) => [
        v.watchedOn,
        v.movieId,
        ...film(v.movieId),
        v.rating ?? '',
        v.isRewatch ? 'yes' : 'no',
        v.note,
      ]),
      {
        header: true,
        columns: ['watchedOn', 'movieId', 'title', 'year', 'rating', 'rewatch', 'note'],
      },
    ),
  };
}
