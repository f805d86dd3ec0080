// Runs in Node, in tests and in development without keys: a local stand-in for TMDB v3 and OMDb.
// Responses are the real samples in ../shared/datasets/api-samples, rewritten for any id; the stub
// can be told to answer 429, 500, time out, send malformed JSON or refuse the key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';

export type StubMode = 'ok' | 'rate-limit' | 'server-error' | 'timeout' | 'malformed';

export interface StubRequest {
  at: number;
  provider: 'tmdb' | 'omdb';
  path: string;
}

/** The stub's keys: anything else is refused as a bad key. */
export const STUB_KEYS = { tmdb: 'stub-tmdb-key', omdb: 'stub-omdb-key' } as const;

function samplesOf(dir: string) {
  const read = (name: string) =>
    JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
  return {
    details: read('tmdb/movie-details.json'),
    credits: read('tmdb/movie-credits.json'),
    videos: read('tmdb/movie-videos.json'),
    providers: read('tmdb/movie-watch-providers.json'),
    externalIds: read('tmdb/movie-external-ids.json'),
    search: read('tmdb/search-movie.json'),
    trending: read('tmdb/trending-all-week.json'),
    invalidKey: read('tmdb/invalid-api-key.json'),
    omdb: read('omdb/by-id_tt3896198.json'),
    omdbNotFound: read('omdb/error_movie-not-found.json'),
  };
}

/** A 1 x 1 PNG: what the stub sends for every poster. */
const TINY_PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

/** A deterministic IMDb id for a TMDB id (and back), so every film looks consistent. */
export const imdbIdOf = (tmdbId: number) => `tt${String(tmdbId).padStart(7, '0')}`;

export function createProviderStub(samplesDir: string) {
  const samples = samplesOf(samplesDir);
  const requests: StubRequest[] = [];
  let mode: StubMode = 'ok';
  let modeLeft = Infinity;
  let retryAfterSeconds = 1;

  /** Applies the current mode to a request; null means answer normally. */
  const misbehave = async (): Promise<Response | null> => {
    if (mode === 'ok' || modeLeft <= 0) return null;
    modeLeft--;
    switch (mode) {
      case 'rate-limit':
        return new Response(
          JSON.stringify({ status_code: 25, status_message: 'Too many requests.' }),
          {
            status: 429,
            headers: {
              'content-type': 'application/json',
              'retry-after': String(retryAfterSeconds),
            },
          },
        );
      case 'server-error':
        return new Response('upstream trouble', { status: 503 });
      case 'timeout':
        await new Promise((resolve) => setTimeout(resolve, 30_000));
        return new Response('late', { status: 504 });
      case 'malformed':
        return new Response('{"id": 550, "title": ', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
    }
  };

  const withId = (body: Record<string, unknown>, id: number) => ({ ...body, id });
  const tmdb = new Hono()
    .use(async (c, next) => {
      requests.push({ at: Date.now(), provider: 'tmdb', path: c.req.path });
      const bearer = c.req.header('authorization')?.replace(/^Bearer /, '');
      if ((c.req.query('api_key') ?? bearer) !== STUB_KEYS.tmdb)
        return c.json(samples.invalidKey, 401);
      const odd = await misbehave();
      if (odd) return odd;
      await next();
    })
    .get('/movie/:id', (c) => {
      const id = Number(c.req.param('id'));
      return c.json({
        ...withId(samples.details, id),
        imdb_id: imdbIdOf(id),
        title: id === 550 ? samples.details.title : `Stub film ${id}`,
      });
    })
    .get('/movie/:id/credits', (c) => c.json(withId(samples.credits, Number(c.req.param('id')))))
    .get('/movie/:id/videos', (c) => c.json(withId(samples.videos, Number(c.req.param('id')))))
    .get('/movie/:id/watch/providers', (c) =>
      c.json(withId(samples.providers, Number(c.req.param('id')))),
    )
    .get('/movie/:id/external_ids', (c) => {
      const id = Number(c.req.param('id'));
      return c.json({ ...withId(samples.externalIds, id), imdb_id: imdbIdOf(id) });
    })
    .get('/search/movie', (c) => c.json(samples.search))
    .get('/trending/movie/:window', (c) => c.json(samples.trending));

  const omdb = new Hono({ strict: false }).get('/', async (c) => {
    requests.push({ at: Date.now(), provider: 'omdb', path: c.req.url });
    if (c.req.query('apikey') !== STUB_KEYS.omdb) {
      return c.json({ Response: 'False', Error: 'Invalid API key!' }, 401);
    }
    const odd = await misbehave();
    if (odd) return odd;
    const id = c.req.query('i') ?? '';
    if (!/^tt\d{7,10}$/.test(id)) return c.json(samples.omdbNotFound);
    return c.json({ ...samples.omdb, imdbID: id });
  });

  const app = new Hono({ strict: false })
    .route('/tmdb/3', tmdb)
    .route('/omdb', omdb)
    .get('/images/:size/:file', async (c) => {
      requests.push({ at: Date.now(), provider: 'tmdb', path: c.req.path });
      const odd = await misbehave();
      if (odd) return odd;
      if (c.req.param('file').startsWith('missing')) return c.text('not found', 404);
      return c.body(TINY_PNG, 200, { 'content-type': 'image/png' });
    })
    .post('/__stub/mode', async (c) => {
      const body = (await c.req.json()) as { mode: StubMode; count?: number; retryAfter?: number };
      mode = body.mode;
      modeLeft = body.count ?? Infinity;
      retryAfterSeconds = body.retryAfter ?? 1;
      return c.json({ mode, count: modeLeft });
    })
    .get('/__stub/requests', (c) => c.json(requests));

  return {
    app,
    requests,
    setMode(next: StubMode, count = Infinity, retryAfter = 1) {
      mode = next;
      modeLeft = count;
      retryAfterSeconds = retryAfter;
    },
  };
}
