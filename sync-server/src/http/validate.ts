// Runs in Node. Request bodies and queries checked with the model's schemas; mistakes are 4xx JSON.
import type { Env, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { z } from 'zod';

/** What a validating middleware adds: the client's input type (for hc) and the parsed output. */
type Validated<T extends 'json' | 'query', S extends z.ZodType> = MiddlewareHandler<
  Env,
  string,
  {
    in: { [K in T]: K extends 'query' ? { [Q in keyof z.input<S>]: string } : z.input<S> };
    out: { [K in T]: z.output<S> };
  }
>;

/**
 * Middleware: the JSON body parsed with `schema`, read in the handler as `c.req.valid('json')`;
 * 415 for another content type, 400 for bad JSON or values. Its input type reaches `hc<AppType>`.
 */
export function jsonInput<S extends z.ZodType>(schema: S): Validated<'json', S> {
  // Typed once, by the cast below: hono's own inference cannot see through a generic schema.
  const validate = validator('json', (value: unknown) => parsed(schema, value) as unknown);
  const middleware: MiddlewareHandler = async (c, next) => {
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new HTTPException(415, { message: 'Send the request body as application/json.' });
    }
    return validate(c, next);
  };
  return middleware as Validated<'json', S>;
}

/** Middleware: the query string parsed with `schema`, read as `c.req.valid('query')`; 400 if bad. */
export function queryInput<S extends z.ZodType>(schema: S): Validated<'query', S> {
  const middleware: MiddlewareHandler = validator(
    'query',
    (value: unknown) => parsed(schema, value) as unknown,
  );
  return middleware as Validated<'query', S>;
}

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HTTPException(400, { message: z.prettifyError(result.error) });
  return result.data;
}
