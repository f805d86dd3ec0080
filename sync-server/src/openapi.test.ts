import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { type Database, openDatabase } from './db/database';
import { browser, pushBody, ratingChange } from './http/test-client';
import { documentedRoutes, type OpenApiDocument, openApiDocument } from './openapi';
import { metadataProviders } from './providers/providers';
import { STUB_KEYS } from './providers/stub/provider-stub';
import { startProviderStub } from './providers/stub/serve-stub';
import { trainAndPublish } from './services/publishing';
import { testSeed } from './services/test-seed';

const password = 'a long and proper password';

type Client = ReturnType<typeof browser>;

/**
 * A request each documented route answers with success, as a client would send it; `setUp` makes
 * what the request needs (its own account where the route ends one). A new route must join this.
 */
const calls: Record<
  string,
  (ctx: {
    signedIn: () => Promise<Client>;
    anonymous: () => Client;
    manifest: { catalog: { version: string } };
  }) => Promise<{
    client: Client;
    method: string;
    path: string;
    body?: unknown;
  }>
> = {
  'GET /api/health': async ({ anonymous }) => ({
    client: anonymous(),
    method: 'GET',
    path: '/api/health',
  }),
  'POST /api/auth/signup': async ({ anonymous }) => ({
    client: anonymous(),
    method: 'POST',
    path: '/api/auth/signup',
    body: { email: uniqueEmail(), password },
  }),
  'POST /api/auth/login': async ({ signedIn }) => {
    const client = await signedIn();
    const email = JSON.parse(await (await client.send('GET', '/api/account')).text()).email;
    return { client, method: 'POST', path: '/api/auth/login', body: { email, password } };
  },
  'POST /api/auth/logout': async ({ signedIn }) => ({
    client: await signedIn(),
    method: 'POST',
    path: '/api/auth/logout',
  }),
  'POST /api/auth/logout-everywhere': async ({ signedIn }) => ({
    client: await signedIn(),
    method: 'POST',
    path: '/api/auth/logout-everywhere',
  }),
  'POST /api/auth/password': async ({ signedIn }) => ({
    client: await signedIn(),
    method: 'POST',
    path: '/api/auth/password',
    body: { currentPassword: password, newPassword: 'another long password' },
  }),
  'GET /api/account': async ({ signedIn }) => ({
    client: await signedIn(),
    method: 'GET',
    path: '/api/account',
  }),
  'DELETE /api/account': async ({ signedIn }) => ({
    client: await signedIn(),
    method: 'DELETE',
    path: '/api/account',
    body: { password },
  }),
  'POST /api/sync/push': async ({ signedIn }) => ({
    client: await signedIn(),
    method: 'POST',
    path: '/api/sync/push',
    body: pushBody([ratingChange(3, 4.5)]),
  }),
  'GET /api/sync/pull': async ({ signedIn }) => ({
    client: await withRatings(await signedIn()),
    method: 'GET',
    path: '/api/sync/pull?protocolVersion=1&since=0&limit=10',
  }),
  'GET /api/sync/digest': async ({ signedIn }) => ({
    client: await withRatings(await signedIn()),
    method: 'GET',
    path: '/api/sync/digest?protocolVersion=1',
  }),
  'GET /api/sync/cells': async ({ signedIn }) => ({
    client: await withRatings(await signedIn()),
    method: 'GET',
    path: `/api/sync/cells?protocolVersion=1&buckets=${Array.from({ length: 32 }, (_, b) => b).join(',')}`,
  }),
  'POST /api/contributions': async ({ anonymous }) => ({
    client: anonymous(),
    method: 'POST',
    path: '/api/contributions',
    body: {
      contributorId: 'contract-contributor',
      ratings: [{ movieId: 1, rating: 4, ratedOn: '2024-05-01' }],
    },
  }),
  'DELETE /api/contributions/:contributorId': async ({ anonymous }) => ({
    client: anonymous(),
    method: 'DELETE',
    path: '/api/contributions/contract-contributor',
  }),
  'GET /api/artifacts/latest': async ({ signedIn }) => ({
    client: await signedIn(),
    method: 'GET',
    path: '/api/artifacts/latest',
  }),
  'GET /api/artifacts/:kind/:version': async ({ signedIn, manifest }) => ({
    client: await signedIn(),
    method: 'GET',
    path: `/api/artifacts/catalog/${manifest.catalog.version}`,
  }),
  'GET /api/posters/:size/:file': async ({ signedIn }) => ({
    client: await signedIn(),
    method: 'GET',
    path: `/api/posters/w185/contract${Date.now()}.png`,
  }),
  'GET /api/films/:movieId/extras': async ({ signedIn }) => ({
    client: await signedIn(),
    method: 'GET',
    path: '/api/films/3/extras?region=GB',
  }),
  'GET /api/trending': async ({ signedIn }) => ({
    client: await signedIn(),
    method: 'GET',
    path: '/api/trending?window=week',
  }),
  'POST /api/ask': async ({ anonymous }) => ({
    client: anonymous(),
    method: 'POST',
    path: '/api/ask',
    body: { message: 'dramas like film 3', ratings: [{ movieId: 1, rating: 4.5 }] },
  }),
  'GET /api/openapi.json': async ({ signedIn }) => ({
    client: await signedIn(),
    method: 'GET',
    path: '/api/openapi.json',
  }),
};

let accounts = 0;
const uniqueEmail = () => `contract${Date.now()}.${accounts++}@example.org`;
const withRatings = async (client: Client) => {
  await client.send('POST', '/api/sync/push', pushBody([ratingChange(1, 5), ratingChange(2, 3)]));
  return client;
};

describe('the OpenAPI document, generated from the routes', () => {
  let database: Database;
  let running: Awaited<ReturnType<typeof startProviderStub>>;
  let app: ReturnType<typeof createApp>;
  let document: OpenApiDocument;
  let manifest: { catalog: { version: string } };
  const offset = 6_000_000 + Math.floor(Math.random() * 1e6);

  beforeAll(async () => {
    database = await openDatabase({});
    const seed = testSeed();
    seed.movies = seed.movies.map((m) => ({
      ...m,
      tmdbId: offset + m.id,
      imdbId: `tt${String(offset + m.id).padStart(8, '0')}`,
    }));
    manifest = await trainAndPublish(database, seed, { minRaters: 5 });
    running = await startProviderStub(
      0,
      new Map(
        seed.movies.map((m) => [
          m.tmdbId!,
          { title: m.title, imdbId: m.imdbId, year: m.year, directors: [], cast: [], keywords: [] },
        ]),
      ),
    );
    app = createApp({
      database,
      providers: metadataProviders({
        TMDB_KEY: STUB_KEYS.tmdb,
        TMDB_BASE_URL: `${running.base}/tmdb/3`,
        TMDB_IMAGE_BASE_URL: `${running.base}/images`,
        OMDB_KEY: STUB_KEYS.omdb,
        OMDB_BASE_URL: `${running.base}/omdb`,
      }),
    });
    document = await openApiDocument(app);
  }, 60_000);
  afterAll(async () => {
    running.close();
    await database.close();
  });

  it('lists exactly the routes the app serves', () => {
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/docs')
      .map((r) => `${r.method} ${r.path}`);
    const documented = documentedRoutes(document).map((r) => `${r.method} ${r.path}`);
    expect(new Set(served)).toEqual(new Set(documented));
    expect(new Set(documented)).toEqual(new Set(Object.keys(calls)));
  });

  it('is OpenAPI 3.1, served at /api/openapi.json, with a page at /api/docs', async () => {
    expect(document.openapi).toBe('3.1.0');
    expect(await (await app.request('/api/openapi.json')).json()).toEqual(
      JSON.parse(JSON.stringify(document)),
    );
    const page = await (await app.request('/api/docs')).text();
    expect(page).toContain('/api/sync/push');
  });

  it('every documented route, called for real, answers as the document says', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const signedIn = async () => {
      const client = browser(app);
      const res = await client.send('POST', '/api/auth/signup', { email: uniqueEmail(), password });
      expect(res.status).toBe(201);
      return client;
    };

    for (const route of documentedRoutes(document)) {
      const name = `${route.method} ${route.path}`;
      const call = await calls[name]!({ signedIn, anonymous: () => browser(app), manifest });
      const res = await call.client.send(call.method, call.path, call.body);
      const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
      const operation = (document.paths![openApiPath] as Record<string, unknown>)[
        route.method.toLowerCase()
      ] as { responses: Record<string, { content?: Record<string, { schema?: object }> }> };
      const success = Object.keys(operation.responses).find((status) => status.startsWith('2'));
      expect(String(res.status), name).toBe(success);
      const schema = operation.responses[success!]!.content?.['application/json']?.schema;
      if (!schema || res.status === 204) continue;
      const body = await res.json();
      const validate = ajv.compile(schema);
      expect(validate(body) ? [] : validate.errors, name).toEqual([]);
    }
  }, 60_000);

  it('catches a response that breaks its schema (the check above can fail)', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const operation = document.paths!['/api/sync/digest']!.get!;
    const schema = (operation.responses['200'] as { content: Record<string, { schema: object }> })
      .content['application/json']!.schema;
    expect(ajv.validate(schema, { digest: ['x'], cells: 0, cursor: 0, serverTime: 1 })).toBe(false);
  });
});
