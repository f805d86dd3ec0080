// Runs in browser, worker and Node.
import { z } from 'zod';
import { instantSchema, movieIdSchema } from './ids';
import { storableText } from './text';

/** A film the person means to watch. */
export const watchlistEntrySchema = z.object({
  movieId: movieIdSchema,
  addedAt: instantSchema,
  note: storableText().max(500, 'A note is at most 500 characters.').default(''),
});
export type WatchlistEntry = z.infer<typeof watchlistEntrySchema>;
