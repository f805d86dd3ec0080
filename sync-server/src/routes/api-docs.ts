// Runs in Node. GET /api/openapi.json and GET /api/docs, from the document of the running app.
import { Hono } from 'hono';
import { documented } from '../http/documented';
import { apiDocsPage, type OpenApiDocument } from '../openapi';

export function apiDocsRoutes(document: () => Promise<OpenApiDocument>) {
  return new Hono()
    .get(
      '/openapi.json',
      documented({
        summary: 'This document',
        ok: { status: 200, description: 'OpenAPI 3.1', contentType: 'application/json' },
        errors: [],
      }),
      // As text: the document's own type would swell AppType for nothing.
      async (c) =>
        c.body(JSON.stringify(await document()), 200, { 'Content-Type': 'application/json' }),
    )
    .get('/docs', async (c) => c.html(apiDocsPage(await document())));
}
