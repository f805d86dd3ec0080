// Runs in browser, worker and Node.
import { z } from 'zod';
import { imdbIdSchema, movieIdSchema, tmdbIdSchema } from './ids';

/** The genres MovieLens uses; other sources map onto these where they can. */
export const MOVIELENS_GENRES = [
  'Action',
  'Adventure',
  'Animation',
  'Children',
  'Comedy',
  'Crime',
  'Documentary',
  'Drama',
  'Fantasy',
  'Film-Noir',
  'Horror',
  'IMAX',
  'Musical',
  'Mystery',
  'Romance',
  'Sci-Fi',
  'Thriller',
  'War',
  'Western',
] as const;

export const genreSchema = z
  .string()
  .trim()
  .min(1, 'A genre cannot be empty.')
  .max(40, 'A genre is at most 40 characters.');
export type Genre = z.infer<typeof genreSchema>;

export const movieSchema = z.object({
  id: movieIdSchema,
  /** Display title, articles in front ("The American President"). */
  title: z.string().trim().min(1, 'A film needs a title.').max(500),
  /** Other titles the film is known by (translations, a.k.a.). */
  alternateTitles: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
  /** Release year, or null where the source does not say. */
  year: z
    .number()
    .int('A year must be a whole number.')
    .min(1870, 'Films start in 1870.')
    .max(2100, 'A year after 2100 is not a release year.')
    .nullable(),
  genres: z.array(genreSchema).max(30),
  imdbId: imdbIdSchema.nullable(),
  tmdbId: tmdbIdSchema.nullable(),
});
export type Movie = z.infer<typeof movieSchema>;
