// Runs in browser, worker and Node.
import { z } from 'zod';
import { instantSchema, movieIdSchema } from './ids';

export const MIN_RATING = 0.5;
export const MAX_RATING = 5;

/** Stars from 0.5 to 5 in half steps. */
export const ratingValueSchema = z
  .number({ error: 'A rating must be a number of stars.' })
  .min(MIN_RATING, 'Ratings go from 0.5 to 5 stars.')
  .max(MAX_RATING, 'Ratings go from 0.5 to 5 stars.')
  .refine((v) => Number.isInteger(v * 2), 'Ratings go in half stars (3, 3.5, 4 …).');
export type RatingValue = z.infer<typeof ratingValueSchema>;

/** One person's rating of one film. */
export const ratingSchema = z.object({
  movieId: movieIdSchema,
  rating: ratingValueSchema,
  ratedAt: instantSchema,
});
export type Rating = z.infer<typeof ratingSchema>;
