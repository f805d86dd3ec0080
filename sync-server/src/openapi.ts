// Runs in Node. The OpenAPI 3.1 document, generated from the routes themselves (hono-openapi):
// each route's validators give its inputs and its documented() middleware its answers, all from
// the same zod schemas the routes check with. `npm run openapi -w sync-server` writes it to
// docs/openapi.json; CI checks that the committed copy is current.
import type { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import { z } from 'zod';
import { errorBodySchema } from './errors';

export type OpenApiDocument = Awaited<ReturnType<typeof generateSpecs>>;

/** The document of every described route of `app`. */
export async function openApiDocument(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app, whatever its routes
  app: Hono<any, any, any>,
): Promise<OpenApiDocument> {
  return generateSpecs(app, {
    documentation: {
      openapi: '3.1.0',
      info: {
        title: 'Filmfold sync server',
        version: '1',
        description:
          'Accounts, multi-device sync, anonymous contributions, the published catalog and model, and film details through the metadata proxy.',
      },
      components: {
        schemas: { Error: z.toJSONSchema(errorBodySchema) as object },
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'filmfold_session' } },
      },
    },
    // Validation failures are documented per route, with the one error body.
    defaultValidationErrorResponse: false,
    // /api/openapi.json looks like a static file by its name; it is a route.
    excludeStaticFile: false,
  });
}

export interface DocumentedRoute {
  method: string;
  /** As Hono writes it: `/api/artifacts/:kind/:version`. */
  path: string;
  summary: string;
  isSignedIn: boolean;
}

/** Every operation of the document, in its order. */
export function documentedRoutes(document: OpenApiDocument): DocumentedRoute[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations ?? {})
      .filter(
        ([, operation]) => typeof operation === 'object' && operation && 'responses' in operation,
      )
      .map(([method, operation]) => {
        const op = operation as { summary?: string; security?: unknown[] };
        return {
          method: method.toUpperCase(),
          path: path.replace(/\{(\w+)\}/g, ':$1'),
          summary: op.summary ?? '',
          isSignedIn: (op.security?.length ?? 0) > 0,
        };
      }),
  );
}

/** A plain HTML page of the routes (no scripts, so the strict CSP holds). */
export function apiDocsPage(document: OpenApiDocument): string {
  const escape = (text: string) =>
    text.replace(
      /[&<>"]/g,
      (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!,
    );
  const rows = documentedRoutes(document)
    .map(
      (r) =>
        `<tr><td><code>${r.method}</code></td><td><code>${escape(r.path)}</code></td><td>${escape(r.summary)}${r.isSignedIn ? ' (signed in)' : ''}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Filmfold API</title></head><body><main><h1>Filmfold API</h1><p>The machine-readable document is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p><table><thead><tr><th>Method</th><th>Path</th><th>What it does</th></tr></thead><tbody>\n${rows}\n</tbody></table></main></body></html>`;
}
