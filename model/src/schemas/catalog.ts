// Runs in browser, worker and Node. The catalog the server publishes and every device stores.
import { z } from 'zod';
import { movieSchema } from './movie';

export const CATALOG_FORMAT_VERSION = 1;

export const catalogMovieSchema = movieSchema.extend({
  /** The most applied tags, most applied first. */
  tags: z.array(z.string()).max(20),
  /** Ratings the film had when the catalog was built, and their mean (null without ratings). */
  ratingCount: z.number().int().nonnegative(),
  meanRating: z.number().min(0.5).max(5).nullable(),
  /** How many ratings gave 0.5, 1, 1.5 … 5 stars (ten counts). */
  ratingHistogram: z.array(z.number().int().nonnegative()).length(10),
  /** From TMDB, once the server has enriched the film; absent before (or without a TMDB key). */
  posterPath: z.string().max(200).optional(),
  overview: z.string().max(5000).optional(),
  /** Minutes. */
  runtime: z.number().int().positive().optional(),
  directors: z.array(z.string()).max(10).optional(),
  /** Top-billed cast, in billing order. */
  cast: z.array(z.string()).max(20).optional(),
  keywords: z.array(z.string()).max(30).optional(),
});
export type CatalogMovie = z.infer<typeof catalogMovieSchema>;

export const catalogSchema = z.object({
  formatVersion: z.literal(CATALOG_FORMAT_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  movies: z.array(catalogMovieSchema),
});
export type Catalog = z.infer<typeof catalogSchema>;

/** What "latest" points to: each artifact's version, size and checksum, and where to fetch it. */
export const artifactInfoSchema = z.object({
  version: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  url: z.string(),
});
export type ArtifactInfo = z.infer<typeof artifactInfoSchema>;
export const manifestSchema = z.object({ catalog: artifactInfoSchema, model: artifactInfoSchema });
export type Manifest = z.infer<typeof manifestSchema>;
