// Runs in Node. What a route answers, said on the route itself: hono-openapi collects these (and
// the validators' schemas) into the OpenAPI document, so the document is the routes.
import { describeRoute, resolver } from 'hono-openapi';
import type { z } from 'zod';

const STATUS_TEXT: Record<number, string> = {
  304: 'Not modified',
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Refused',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Not JSON',
  426: 'Update the app',
  429: 'Too many requests',
  503: 'Not ready',
};

export interface RouteDoc {
  summary: string;
  /** Needs the session cookie. */
  isSignedIn?: boolean;
  ok: {
    status: 200 | 201 | 204;
    description: string;
    /** The JSON body; absent for 204 or a body that is not JSON (then say `contentType`). */
    schema?: z.ZodType;
    contentType?: string;
  };
  /** Statuses it may refuse with, each answering { error: { code, message } }. */
  errors: number[];
}

/** The name the error body's schema has in the document's components. */
export const ERROR_SCHEMA_REF = '#/components/schemas/Error';

/**
 * Middleware that describes its route for the OpenAPI document and does nothing else.
 * @example .get('/sync/digest', documented({ summary, isSignedIn: true, ok, errors }), handler)
 */
export function documented(doc: RouteDoc) {
  const okContent = doc.ok.schema
    ? { 'application/json': { schema: resolver(doc.ok.schema, { options: { io: 'output' } }) } }
    : doc.ok.contentType
      ? { [doc.ok.contentType]: {} }
      : undefined;
  const responses: NonNullable<Parameters<typeof describeRoute>[0]['responses']> = {
    [doc.ok.status]: { description: doc.ok.description, ...(okContent && { content: okContent }) },
  };
  for (const status of doc.errors) {
    responses[status] = {
      description: STATUS_TEXT[status] ?? String(status),
      ...(status !== 304 && {
        content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } },
      }),
    };
  }
  return describeRoute({
    summary: doc.summary,
    ...(doc.isSignedIn && { security: [{ session: [] }] }),
    responses,
  });
}
