// Runs in Node. One structured line per request: never bodies, cookies, passwords, query strings
// or path parameters.
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';

/**
 * Logs `{ time, id, method, route, status, ms }` as JSON through `write`; no `write`, no log.
 * `route` is the pattern that answered (`/api/contributions/:contributorId`), never the path
 * itself, which may carry an id.
 */
export function requestLog(write?: (line: string) => void) {
  return createMiddleware<{ Variables: { requestId: string } }>(async (c, next) => {
    const started = performance.now();
    await next();
    if (!write) return;
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        id: c.get('requestId'),
        method: c.req.method,
        route: routePath(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      }),
    );
  });
}
