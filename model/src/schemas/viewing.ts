// Runs in browser, worker and Node.
import { z } from 'zod';
import { calendarDateSchema, instantSchema, movieIdSchema } from './ids';
import { ratingValueSchema } from './rating';
import { storableText } from './text';

/** A diary entry: the person watched a film on a day. A film may be watched many times. */
export const viewingEntrySchema = z.object({
  /** Client-made id, so repeated viewings of one film stay distinct across devices. */
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'A viewing id is 8-64 letters, digits, _ or -.'),
  movieId: movieIdSchema,
  watchedOn: calendarDateSchema,
  /** The rating given that night, which may differ from the film's current rating. */
  rating: ratingValueSchema.nullable().default(null),
  isRewatch: z.boolean().default(false),
  note: storableText().max(2000, 'A diary note is at most 2000 characters.').default(''),
  loggedAt: instantSchema,
});
export type ViewingEntry = z.infer<typeof viewingEntrySchema>;
