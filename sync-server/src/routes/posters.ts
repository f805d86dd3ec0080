// Runs in Node. GET /api/posters/:size/:file: TMDB posters through this server, cached for good.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import { documented } from '../http/documented';
import { paramInput } from '../http/validate';
import type { MetadataProviders } from '../providers/providers';
import { POSTER_FILE, POSTER_SIZES, posterImage } from '../services/posters';

const posterParams = z.object({
  size: z.enum(POSTER_SIZES),
  file: z.string().regex(POSTER_FILE, 'That is not a poster file name.'),
});

export function posterRoutes(database: Database, providers?: MetadataProviders) {
  return new Hono().get(
    '/posters/:size/:file',
    documented({
      summary:
        'A TMDB image (w92 for provider logos, w185 for grids, w500 for film pages), cached by the server, immutable',
      ok: {
        status: 200,
        description: 'The image (image/jpeg or image/png)',
        contentType: 'image/*',
      },
      errors: [400, 404, 503],
    }),
    paramInput(posterParams),
    async (c) => {
      const { size, file } = c.req.valid('param');
      if (!providers)
        throw new ApiError(404, 'not_found', 'Posters are not available on this server.');
      const poster = await posterImage(database, providers.posters, size, file);
      if (!poster.ok) {
        if (poster.reason === 'not-found')
          throw new ApiError(404, 'not_found', 'TMDB has no such poster.');
        throw new ApiError(503, 'poster_unavailable', 'The poster cannot be fetched right now.', {
          'Retry-After': '60',
        });
      }
      // The same name always means the same image: cache it for a year, never revalidate.
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      c.header('Content-Type', poster.contentType);
      return c.body(new Uint8Array(poster.bytes), 200);
    },
  );
}
