// Runs in Node. Request bodies, queries and path parameters checked with the model's schemas;
// mistakes are 4xx JSON. Each validator also carries its schema for the OpenAPI document
// (hono-openapi reads it from the route, so the document cannot drift from what is checked).
import type { Env, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { resolver, uniqueSymbol } from 'hono-openapi';
import { z } from 'zod';
import { ApiError } from '../errors';

type Target = 'json' | 'query' | 'param';

/** What a validating middleware adds: the client's input type (for hc) and the parsed output. */
type Validated<T extends Target, S extends z.ZodType> = MiddlewareHandler<
  Env,
  string,
  {
    in: { [K in T]: K extends 'json' ? z.input<S> : { [Q in keyof z.input<S>]: string } };
    out: { [K in T]: z.output<S> };
  }
>;

/** Marks `middleware` as validating `target` with `schema`, for the OpenAPI document. */
function documentedAs<M extends MiddlewareHandler>(
  middleware: M,
  target: Target,
  schema: z.ZodType,
): M {
  return Object.assign(middleware, { [uniqueSymbol]: { target, ...resolver(schema) } });
}

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
  return documentedAs(middleware, 'json', schema) as Validated<'json', S>;
}

/** Middleware: the query string parsed with `schema`, read as `c.req.valid('query')`; 400 if bad. */
export function queryInput<S extends z.ZodType>(schema: S): Validated<'query', S> {
  const middleware: MiddlewareHandler = validator(
    'query',
    (value: unknown) => parsed(schema, value) as unknown,
  );
  return documentedAs(middleware, 'query', schema) as Validated<'query', S>;
}

/**
 * Middleware: the path parameters parsed with `schema`, read as `c.req.valid('param')`, before
 * they reach any query (a path may carry %00 or anything else). 400 if bad; with `notFound`, a 404
 * with those words instead, where a bad parameter simply names nothing.
 */
export function paramInput<S extends z.ZodType>(
  schema: S,
  notFound?: string,
): Validated<'param', S> {
  const middleware: MiddlewareHandler = validator('param', (value: unknown) => {
    const result = schema.safeParse(value);
    if (!result.success && notFound) throw new ApiError(404, 'not_found', notFound);
    return parsed(schema, value) as unknown;
  });
  return documentedAs(middleware, 'param', schema) as Validated<'param', S>;
}

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HTTPException(400, { message: z.prettifyError(result.error) });
  return result.data;
}
