// Runs in Node. The OpenAPI 3.1 document, generated from the same zod schemas the routes validate
// with (JSON Schema draft 2020-12, which OpenAPI 3.1 uses). `npm run openapi -w sync-server`
// writes it to docs/openapi.json; CI checks that the committed copy is current.
import {
  accountSchema,
  cellsQuerySchema,
  cellsResponseSchema,
  changePasswordSchema,
  contributionSchema,
  deleteAccountSchema,
  digestQuerySchema,
  digestResponseSchema,
  logInSchema,
  manifestSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  signUpSchema,
} from '@filmfold/model';
import { z } from 'zod';

interface Route {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  isSignedIn?: boolean;
  body?: z.ZodType;
  query?: z.ZodObject;
  ok: { status: number; description: string; schema?: z.ZodType };
  errors: number[];
}

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const healthSchema = z.object({
  status: z.literal('ok'),
  service: z.string(),
  startedAt: z.string(),
  modelVersion: z.string().nullable(),
});

/** Every API route, with what it reads and answers. Kept beside the routes; tested against them. */
export const API_ROUTES: readonly Route[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness and the published model version',
    ok: { status: 200, description: 'Up', schema: healthSchema },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/auth/signup',
    summary: 'Create an account and sign in',
    body: signUpSchema,
    ok: {
      status: 201,
      description: 'Signed up; session cookie set',
      schema: z.object({ id: z.string(), email: z.string() }),
    },
    errors: [400, 403, 409, 413, 415],
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in',
    body: logInSchema,
    ok: {
      status: 200,
      description: 'Signed in; session cookie set',
      schema: z.object({ id: z.string() }),
    },
    errors: [400, 401, 403, 415, 429],
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End this session',
    ok: { status: 204, description: 'Signed out' },
    errors: [403],
  },
  {
    method: 'post',
    path: '/api/auth/logout-everywhere',
    summary: 'End every session of the account',
    isSignedIn: true,
    ok: { status: 204, description: 'Signed out everywhere' },
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change the password (ends every other session)',
    isSignedIn: true,
    body: changePasswordSchema,
    ok: { status: 204, description: 'Changed; a new session cookie is set' },
    errors: [400, 401, 403, 415],
  },
  {
    method: 'get',
    path: '/api/account',
    summary: 'The signed-in account',
    isSignedIn: true,
    ok: { status: 200, description: 'The account', schema: accountSchema },
    errors: [401],
  },
  {
    method: 'delete',
    path: '/api/account',
    summary: 'Delete the account and every synced record',
    isSignedIn: true,
    body: deleteAccountSchema,
    ok: { status: 204, description: 'Deleted' },
    errors: [400, 401, 403, 415],
  },
  {
    method: 'post',
    path: '/api/sync/push',
    summary: 'Send changes (idempotent by device and mutation id)',
    isSignedIn: true,
    body: pushRequestSchema,
    ok: { status: 200, description: 'Applied', schema: pushResponseSchema },
    errors: [400, 401, 403, 413, 415, 426],
  },
  {
    method: 'get',
    path: '/api/sync/pull',
    summary: 'Changes after a cursor',
    isSignedIn: true,
    query: pullQuerySchema,
    ok: { status: 200, description: 'A page of changes', schema: pullResponseSchema },
    errors: [400, 401, 426],
  },
  {
    method: 'get',
    path: '/api/sync/digest',
    summary: "A digest of the person's cells by bucket, to find divergence",
    isSignedIn: true,
    query: digestQuerySchema,
    ok: { status: 200, description: 'The digest', schema: digestResponseSchema },
    errors: [400, 401, 426],
  },
  {
    method: 'get',
    path: '/api/sync/cells',
    summary: 'Every cell in the given digest buckets, to repair divergence',
    isSignedIn: true,
    query: cellsQuerySchema,
    ok: { status: 200, description: 'The cells', schema: cellsResponseSchema },
    errors: [400, 401, 426],
  },
  {
    method: 'post',
    path: '/api/contributions',
    summary: 'Contribute ratings anonymously (no credentials)',
    body: contributionSchema,
    ok: { status: 200, description: 'Stored', schema: z.object({ stored: z.number().int() }) },
    errors: [400, 403, 413, 415, 429],
  },
  {
    method: 'delete',
    path: '/api/contributions/{contributorId}',
    summary: 'Withdraw a contribution',
    ok: { status: 204, description: 'Withdrawn' },
    errors: [400, 403, 429],
  },
  {
    method: 'get',
    path: '/api/artifacts/latest',
    summary: 'The current catalog and model versions',
    ok: { status: 200, description: 'The manifest', schema: manifestSchema },
    errors: [503],
  },
  {
    method: 'get',
    path: '/api/artifacts/{kind}/{version}',
    summary: 'An immutable catalog or model version',
    ok: { status: 200, description: 'The bytes (catalog: gzip JSON, model: binary snapshot)' },
    errors: [304, 404],
  },
  {
    method: 'get',
    path: '/api/posters/{size}/{file}',
    summary:
      'A TMDB image (w92 for provider logos, w185 for grids, w500 for film pages), cached by the server, immutable',
    ok: { status: 200, description: 'The image (image/jpeg or image/png)' },
    errors: [400, 404, 503],
  },
  {
    method: 'get',
    path: '/api/films/{movieId}/extras',
    summary:
      'Trailer, where to watch in ?region= (two letters, default US) and IMDb/Rotten Tomatoes/Metacritic ratings, through the provider cache; a provider that is down leaves its part null',
    ok: { status: 200, description: '{ movieId, trailer, watch, regions, ratings, sources }' },
    errors: [400, 404, 503],
  },
  {
    method: 'get',
    path: '/api/trending',
    summary: "TMDB's trending films (?window=day|week) that are in the catalog, as movie ids",
    ok: { status: 200, description: '{ window, films, source }' },
    errors: [400, 404, 503],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    ok: { status: 200, description: 'OpenAPI 3.1' },
    errors: [],
  },
];

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

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** The OpenAPI 3.1 document of API_ROUTES. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParams = route.query
      ? Object.entries(route.query.shape).map(([name, schema]) => ({
          name,
          in: 'query',
          schema: jsonSchema(schema as z.ZodType, 'input'),
        }))
      : [];
    const responses: Record<string, unknown> = {
      [route.ok.status]: {
        description: route.ok.description,
        ...(route.ok.schema
          ? { content: { 'application/json': { schema: jsonSchema(route.ok.schema, 'output') } } }
          : {}),
      },
    };
    for (const status of route.errors) {
      responses[status] = {
        description: STATUS_TEXT[status] ?? String(status),
        ...(status === 304
          ? {}
          : {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            }),
      };
    }
    (paths[route.path] ??= {})[route.method] = {
      summary: route.summary,
      ...(route.isSignedIn ? { security: [{ session: [] }] } : {}),
      ...(pathParams.length + queryParams.length > 0
        ? { parameters: [...pathParams, ...queryParams] }
        : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Filmfold sync server',
      version: '1',
      description:
        'Accounts, multi-device sync, anonymous contributions, and the published catalog and model.',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'filmfold_session' } },
    },
  };
}

/** A plain HTML page of the routes (no scripts, so the strict CSP holds). */
export function apiDocsPage(): string {
  const escape = (text: string) =>
    text.replace(
      /[&<>"]/g,
      (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!,
    );
  const rows = API_ROUTES.map(
    (r) =>
      `<tr><td><code>${r.method.toUpperCase()}</code></td><td><code>${escape(r.path)}</code></td><td>${escape(r.summary)}${r.isSignedIn ? ' (signed in)' : ''}</td></tr>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Filmfold API</title></head><body><main><h1>Filmfold API</h1><p>The machine-readable document is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p><table><thead><tr><th>Method</th><th>Path</th><th>What it does</th></tr></thead><tbody>\n${rows}\n</tbody></table></main></body></html>`;
}
