// Runs in Node. Cross-site request forgery guard for the API.
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses (403) a mutating request whose Origin is missing or is not this server's own origin
 * (or one of `allowedOrigins`): browsers always send Origin on such requests, attackers' pages
 * cannot forge it. `openPaths` are POSTs that change nothing and read no session (Ask), open to
 * API clients that send no Origin.
 */
export function sameOrigin(
  allowedOrigins: readonly string[] = [],
  openPaths: readonly string[] = [],
) {
  return createMiddleware(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && !openPaths.includes(c.req.path)) {
      const origin = c.req.header('origin');
      const own = new URL(c.req.url).origin;
      if (!origin || (origin !== own && !allowedOrigins.includes(origin))) {
        throw new ApiError(
          403,
          'forbidden_origin',
          'This request must come from the Filmfold app itself.',
        );
      }
    }
    await next();
  });
}
