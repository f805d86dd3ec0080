import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { type Database, openDatabase } from './db/database';
import { API_ROUTES, openApiDocument } from './openapi';

describe('OpenAPI document', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({});
  }, 60_000);
  afterAll(() => database.close());

  it('lists exactly the routes the app serves', () => {
    const served = createApp({ database })
      .routes.filter(
        (r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/docs',
      )
      .map((r) => `${r.method} ${r.path}`);
    const documented = API_ROUTES.map(
      (r) => `${r.method.toUpperCase()} ${r.path.replace(/\{(\w+)\}/g, ':$1')}`,
    );
    expect(new Set(served)).toEqual(new Set(documented));
  });

  it('is OpenAPI 3.1 with a response for every operation', () => {
    const doc = openApiDocument() as {
      openapi: string;
      paths: Record<string, Record<string, { responses: object }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const operations of Object.values(doc.paths)) {
      for (const operation of Object.values(operations))
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
    }
  });

  it('is served at /api/openapi.json, with a page at /api/docs', async () => {
    const app = createApp({ database });
    expect(await (await app.request('/api/openapi.json')).json()).toEqual(openApiDocument());
    const page = await (await app.request('/api/docs')).text();
    expect(page).toContain('/api/sync/push');
  });
});
