// Runs in Node. GET /api/posters/:size/:file: TMDB posters through this server, cached for good.
import { Hono } from 'hono';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import type { MetadataProviders } from '../providers/providers';
import { POSTER_FILE, POSTER_SIZES, type PosterSize, posterImage } from '../services/posters';

export function posterRoutes(database: Database, providers?: MetadataProviders) {
  return new Hono().get('/posters/:size/:file', async (c) => {
    const size = c.req.param('size');
    const file = c.req.param('file');
    if (!POSTER_SIZES.includes(size as PosterSize)) {
      throw new ApiError(400, 'bad_size', `Image sizes are ${POSTER_SIZES.join(', ')}.`);
    }
    if (!POSTER_FILE.test(file))
      throw new ApiError(400, 'bad_file', 'That is not a poster file name.');
    if (!providers)
      throw new ApiError(404, 'not_found', 'Posters are not available on this server.');
    const poster = await posterImage(database, providers.posters, size as PosterSize, file);
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
  });
}
