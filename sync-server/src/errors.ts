// Runs in Node. One shape for every error the API answers: { error: { code, message } }.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The JSON body of every error the API answers. */
export interface ErrorBody {
  error: { code: string; message: string };
}

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
  console.error(`[${c.req.method} ${c.req.path}]`, err);
  return c.json(errorBody('internal', 'Something went wrong on the server.'), 500);
}

/** Unknown routes answer JSON, never an HTML page. */
export function notFound(c: Context): Response {
  return c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404);
}
