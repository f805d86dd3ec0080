// Runs in Node. Live film details from TMDB and OMDb (trailer, where to watch, ratings) and the
// trending shelf, for the PWA's film page and browse page.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/database';
import { ApiError, notReady } from '../errors';
import { documented } from '../http/documented';
import { paramInput, queryInput } from '../http/validate';
import type { MetadataProviders } from '../providers/providers';
import { catalogLinks } from '../services/catalog-links';
import {
  filmExtras,
  filmExtrasSchema,
  sourceStateSchema,
  trendingFilms,
} from '../services/film-extras';

const extrasQuery = z.object({
  region: z
    .string()
    .regex(/^[A-Z]{2}$/, 'A region is a two-letter country code such as GB or US.')
    .default('US'),
});
const trendingQuery = z.object({ window: z.enum(['day', 'week']).default('week') });
const movieIdParam = z.object({
  movieId: z.coerce.number().int().positive('A film id is a positive number.'),
});
const trendingSchema = z.object({
  window: z.enum(['day', 'week']),
  films: z.array(z.number().int()),
  source: sourceStateSchema,
});

/** Answers change within hours; a device may reuse one for ten minutes. */
const LIVE_CACHE = 'private, max-age=600';

export function filmRoutes(database: Database, providers?: MetadataProviders) {
  const links = async () => {
    const current = await catalogLinks(database);
    if (!current) throw notReady();
    return current;
  };
  const needProviders = () => {
    if (!providers)
      throw new ApiError(404, 'not_found', 'Film details are not available on this server.');
    return providers;
  };
  return new Hono()
    .get(
      '/films/:movieId/extras',
      documented({
        summary:
          'Trailer, where to watch in ?region= (two letters, default US) and IMDb/Rotten Tomatoes/Metacritic ratings, through the provider cache; a provider that is down leaves its part null',
        ok: { status: 200, description: 'The film’s extras', schema: filmExtrasSchema },
        errors: [400, 404, 503],
      }),
      paramInput(movieIdParam),
      queryInput(extrasQuery),
      async (c) => {
        const film = (await links()).byMovieId.get(c.req.valid('param').movieId);
        if (!film) throw new ApiError(404, 'not_found', 'No film with that id in the catalog.');
        const extras = await filmExtras(
          database,
          needProviders(),
          film,
          c.req.valid('query').region,
        );
        c.header('Cache-Control', LIVE_CACHE);
        return c.json(extras, 200);
      },
    )
    .get(
      '/trending',
      documented({
        summary: "TMDB's trending films (?window=day|week) that are in the catalog, as movie ids",
        ok: { status: 200, description: 'Trending films', schema: trendingSchema },
        errors: [400, 404, 503],
      }),
      queryInput(trendingQuery),
      async (c) => {
        const { window } = c.req.valid('query');
        const trending = await trendingFilms(
          database,
          needProviders(),
          (await links()).byTmdbId,
          window,
        );
        c.header('Cache-Control', LIVE_CACHE);
        return c.json({ window, ...trending }, 200);
      },
    );
}
