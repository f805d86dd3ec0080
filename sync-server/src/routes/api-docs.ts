// Runs in Node. GET /api/openapi.json and GET /api/docs.
import { Hono } from 'hono';
import { apiDocsPage, openApiDocument } from '../openapi';

export const apiDocsRoutes = new Hono()
  .get('/openapi.json', (c) => c.json(openApiDocument(), 200))
  .get('/docs', (c) => c.html(apiDocsPage()));
