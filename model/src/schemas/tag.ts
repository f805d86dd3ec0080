// Runs in browser, worker and Node.
import { z } from 'zod';
import { instantSchema, movieIdSchema } from './ids';

/** A free-text tag someone put on a film (MovieLens tags.csv). */
export const movieTagSchema = z.object({
  movieId: movieIdSchema,
  tag: z.string().trim().min(1, 'A tag cannot be empty.').max(250),
  taggedAt: instantSchema,
});
export type MovieTag = z.infer<typeof movieTagSchema>;
