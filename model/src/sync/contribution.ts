// Runs in browser, worker and Node. What a device sends when its person chose to contribute.
import { z } from 'zod';
import { calendarDateSchema, movieIdSchema } from '../schemas/ids';
import { ratingValueSchema } from '../schemas/rating';
import { clientIdSchema } from './protocol';

/** Ratings one upload may carry. */
export const MAX_CONTRIBUTED_RATINGS = 10_000;

/**
 * An anonymous upload: a random contributor id made and rotated on the device (never the account),
 * and ratings dated to the day. Each upload replaces that contributor's earlier ones.
 */
export const contributionSchema = z.object({
  contributorId: clientIdSchema,
  ratings: z
    .array(
      z.object({ movieId: movieIdSchema, rating: ratingValueSchema, ratedOn: calendarDateSchema }),
    )
    .min(1, 'A contribution carries at least one rating.')
    .max(
      MAX_CONTRIBUTED_RATINGS,
      `A contribution carries at most ${MAX_CONTRIBUTED_RATINGS} ratings.`,
    )
    .refine(
      (ratings) => new Set(ratings.map((r) => r.movieId)).size === ratings.length,
      'Each film appears once.',
    ),
});
export type Contribution = z.infer<typeof contributionSchema>;
