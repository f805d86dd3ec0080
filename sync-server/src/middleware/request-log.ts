// Runs in Node. One structured line per request: never bodies, cookies or passwords.
import { createMiddleware } from 'hono/factory';

/** Logs `{ time, id, method, path, status, ms }` as JSON through `write`; no `write`, no log. */
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
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      }),
    );
  });
}
