// Runs in browser, worker and Node.
import { z } from 'zod';

/** MovieLens movieId: the canonical id of a film everywhere in Filmfold. */
export const movieIdSchema = z
  .number({ error: 'A movie id must be a number.' })
  .int('A movie id must be a whole number.')
  .positive('A movie id must be positive.');
export type MovieId = z.infer<typeof movieIdSchema>;

/** IMDb title id, e.g. tt0114709. */
export const imdbIdSchema = z.string().regex(/^tt\d{7,10}$/, 'An IMDb id looks like tt0114709.');
export type ImdbId = z.infer<typeof imdbIdSchema>;

export const tmdbIdSchema = z
  .number({ error: 'A TMDB id must be a number.' })
  .int('A TMDB id must be a whole number.')
  .positive('A TMDB id must be positive.');
export type TmdbId = z.infer<typeof tmdbIdSchema>;

/** An instant, as an ISO 8601 string with a zone offset (what JSON carries). */
export const instantSchema = z.iso.datetime({
  offset: true,
  error: 'A time must be an ISO 8601 date-time, e.g. 2024-05-01T20:15:00Z.',
});
export type Instant = z.infer<typeof instantSchema>;

/** A calendar day in the person's own time zone, e.g. 2024-05-01. */
export const calendarDateSchema = z.iso.date({
  error: 'A date must be a calendar date, e.g. 2024-05-01.',
});
export type CalendarDate = z.infer<typeof calendarDateSchema>;
