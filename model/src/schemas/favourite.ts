// Runs in browser, worker and Node.
import { z } from 'zod';
import { instantSchema, movieIdSchema } from './ids';

/** A film the person marked as a favourite. */
export const favouriteSchema = z.object({
  movieId: movieIdSchema,
  addedAt: instantSchema,
});
export type Favourite = z.infer<typeof favouriteSchema>;
