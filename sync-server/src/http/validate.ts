// Runs in Node. Request bodies and queries checked with the model's schemas; mistakes are 4xx JSON.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';

/** The JSON body parsed with `schema`: 415 for another content type, 400 for bad JSON or values. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HTTPException(415, { message: 'Send the request body as application/json.' });
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HTTPException(400, { message: 'The request body is not valid JSON.' });
  }
  return parsed(schema, body);
}

/** The query string parsed with `schema`, or a 400 that says what is wrong. */
export function queryOf<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parsed(schema, c.req.query());
}

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HTTPException(400, { message: z.prettifyError(result.error) });
  return result.data;
}
