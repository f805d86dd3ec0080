// Runs in Node. One shape for every error the API answers: { error: { code, message } }.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

/** The JSON body of every error the API answers. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** An expected refusal with a stable, machine-readable code, e.g. 401 unauthenticated. */
export class ApiError extends HTTPException {
  override name = 'ApiError';
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message });
  }
}

/**
 * 503 for what needs the first catalog and model while the first start is still training them:
 * one wording everywhere, and a Retry-After that clients (and proxies) can follow.
 */
export function notReady(): ApiError {
  return new ApiError(
    503,
    'not_ready',
    'Filmfold is still preparing its first catalog and model; try again in a minute.',
    { 'Retry-After': '60' },
  );
}

/** app.onError: HTTPExceptions keep their status; anything else is logged and answered as 500. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    return c.json(errorBody(err.code, err.message), err.status, err.headers);
  }
  if (err instanceof HTTPException) {
    const code =
      err.status === 413
        ? 'payload_too_large'
        : err.status === 415
          ? 'unsupported_media_type'
          : err.status === 400
            ? 'bad_request'
            : `http_${err.status}`;
    return c.json(errorBody(code, err.message), err.status);
  }
  console.error(`[${c.req.method} ${c.req.path}] ${describeServerError(err)}`);
  return c.json(errorBody('internal', 'Something went wrong on the server.'), 500);
}

/** What PostgreSQL and PGlite put on an error: a SQLSTATE code and where it happened. */
interface DatabaseErrorFields {
  code?: unknown;
  /** PGlite's names; postgres.js says constraint_name, table_name, column_name. */
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  constraint_name?: unknown;
  table_name?: unknown;
  column_name?: unknown;
}

/**
 * A log line for a failure. A database error is named by its SQLSTATE code, constraint, table and
 * column only: its message and the failed query carry parameters (emails, session ids, notes).
 * Anything else is a bug, logged with its stack.
 */
export function describeServerError(err: unknown): string {
  const database = databaseFields(err);
  if (database) {
    const where = (['constraint', 'table', 'column'] as const)
      .filter((field) => typeof database[field] === 'string')
      .map((field) => `${field}=${String(database[field])}`);
    return ['database error', `code=${String(database.code)}`, ...where].join(' ');
  }
  return err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
}

function databaseFields(err: unknown): DatabaseErrorFields | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const fields = e as DatabaseErrorFields & { query?: unknown; cause?: unknown };
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) {
      return {
        code: fields.code,
        constraint: fields.constraint ?? fields.constraint_name,
        table: fields.table ?? fields.table_name,
        column: fields.column ?? fields.column_name,
      };
    }
    if (typeof fields.query === 'string' && !fields.cause) return { code: 'unknown' };
    e = fields.cause;
  }
  return null;
}

/** Unknown routes answer JSON, never an HTML page. */
export function notFound(c: Context): Response {
  return c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404);
}
