// Runs in Node. One shape for every error the API answers: { error: { code, message } }.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

/** The JSON body of every error the API answers. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** app.onError: HTTPExceptions keep their status; anything else is logged and answered as 500. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof HTTPException) {
    return c.json(errorBody(`http_${err.status}`, err.message), err.status);
  }
  console.error(`[${c.req.method} ${c.req.path}]`, err);
  return c.json(errorBody('internal', 'Something went wrong on the server.'), 500);
}

/** Unknown routes answer JSON, never an HTML page. */
export function notFound(c: Context): Response {
  return c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404);
}
