// Runs in Node, in tests and in development without keys: a local stand-in for TMDB v3 and OMDb.
// Responses are the real samples in ../shared/datasets/api-samples, rewritten for any id; the stub
// can be told to answer 429, 500, time out, send malformed JSON or refuse the key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { Hono } from 'hono';
import type { StubFilm } from './stub-films';

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

/** A small poster in one colour per file name, so a stubbed grid is not one grey wall. */
function posterPng(file: string): Uint8Array<ArrayBuffer> {
  const [width, height] = [2, 3];
  let hash = 2166136261;
  for (const char of file) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  const rgb = [hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff].map((c) => 40 + (c % 160));
  const row = [0, ...Array.from({ length: width }, () => rgb).flat()];
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const pixels = deflateSync(Buffer.from(Array.from({ length: height }, () => row).flat()));
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

/** A stable id for a person or keyword name. */
const nameId = (name: string) => {
  let hash = 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return Math.abs(hash);
};

/** A deterministic IMDb id for a TMDB id (and back), so every film looks consistent. */
export const imdbIdOf = (tmdbId: number) => `tt${String(tmdbId).padStart(7, '0')}`;

/** Every 23rd film has no poster, as some do on TMDB. */
export const posterPathOf = (tmdbId: number) =>
  tmdbId % 23 === 0 ? null : `/Stub${String(tmdbId).padStart(10, '0')}.png`;

/** Picks `count` distinct entries of `pool` for an id, the same ones every time. */
function pick<T>(pool: readonly T[], id: number, count: number): T[] {
  const start = (id * 7919) % pool.length;
  return Array.from(
    { length: Math.min(count, pool.length) },
    (_, i) => pool[(start + i * 13) % pool.length]!,
  );
}

/**
 * The stub app. `films` (TMDB id → film) makes the answers about those films real (title, year,
 * directors, cast, keywords) and fills trending with them; other ids get names from the samples.
 */
export function createProviderStub(
  samplesDir: string,
  films: ReadonlyMap<number, StubFilm> = new Map(),
) {
  const samples = samplesOf(samplesDir);
  const sampleCast = (samples.credits.cast as { name: string }[]).map((c) => c.name);
  const sampleCrew = [...new Set((samples.credits.crew as { name: string }[]).map((c) => c.name))];
  const known = [...films.keys()];
  const byImdbId = new Map([...films.values()].map((film) => [film.imdbId, film]));
  const creditsOf = (id: number) => {
    const film = films.get(id);
    const cast = film?.cast.length ? film.cast : pick(sampleCast, id, 8);
    const directors = film?.directors.length ? film.directors : pick(sampleCrew, id, 1);
    const castTemplate = (samples.credits.cast as object[])[0];
    const crewTemplate = (samples.credits.crew as object[])[0];
    return {
      id,
      cast: cast.map((name, order) => ({ ...castTemplate, id: nameId(name), name, order })),
      crew: directors.map((name) => ({
        ...crewTemplate,
        id: nameId(name),
        name,
        job: 'Director',
        department: 'Directing',
      })),
    };
  };
  const keywordsOf = (id: number) => ({
    id,
    keywords: (films.get(id)?.keywords ?? []).map((name) => ({ id: nameId(name), name })),
  });
  const detailsOf = (id: number) => {
    const film = films.get(id);
    return {
      ...samples.details,
      id,
      imdb_id: film?.imdbId ?? imdbIdOf(id),
      title: film?.title ?? (id === 550 ? samples.details.title : `Stub film ${id}`),
      release_date: film?.year ? `${film.year}-06-01` : samples.details.release_date,
      poster_path: posterPathOf(id),
      runtime: 80 + (id % 70),
    };
  };
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
      const append = (c.req.query('append_to_response') ?? '').split(',');
      return c.json({
        ...detailsOf(id),
        ...(append.includes('credits') ? { credits: creditsOf(id) } : {}),
        ...(append.includes('keywords') ? { keywords: keywordsOf(id) } : {}),
      });
    })
    .get('/movie/:id/credits', (c) => c.json(creditsOf(Number(c.req.param('id')))))
    .get('/movie/:id/keywords', (c) => c.json(keywordsOf(Number(c.req.param('id')))))
    .get('/movie/:id/videos', (c) => c.json(withId(samples.videos, Number(c.req.param('id')))))
    .get('/movie/:id/watch/providers', (c) =>
      c.json(withId(samples.providers, Number(c.req.param('id')))),
    )
    .get('/movie/:id/external_ids', (c) => {
      const id = Number(c.req.param('id'));
      return c.json({
        ...withId(samples.externalIds, id),
        imdb_id: films.get(id)?.imdbId ?? imdbIdOf(id),
      });
    })
    .get('/search/movie', (c) => c.json(samples.search))
    .get('/search/person', (c) => {
      const query = (c.req.query('query') ?? '').toLowerCase();
      const people = new Map<string, number[]>();
      for (const [id, film] of films)
        for (const name of [...film.directors, ...film.cast])
          if (query && name.toLowerCase().includes(query))
            people.set(name, [...(people.get(name) ?? []), id]);
      return c.json({
        page: 1,
        results: [...people].slice(0, 20).map(([name, ids]) => ({
          id: nameId(name),
          name,
          known_for: ids.slice(0, 3).map((id) => ({ id, media_type: 'movie' })),
        })),
      });
    })
    .get('/trending/movie/:window', (c) => {
      if (known.length === 0) return c.json(samples.trending);
      const offset = c.req.param('window') === 'day' ? 1 : 0;
      return c.json({
        ...samples.trending,
        results: pick(known, 31 + offset, 20).map((id) => ({
          ...(samples.trending.results as object[])[0],
          ...detailsOf(id),
          media_type: 'movie',
        })),
      });
    });

  const omdb = new Hono({ strict: false }).get('/', async (c) => {
    requests.push({ at: Date.now(), provider: 'omdb', path: c.req.url });
    if (c.req.query('apikey') !== STUB_KEYS.omdb) {
      return c.json({ Response: 'False', Error: 'Invalid API key!' }, 401);
    }
    const odd = await misbehave();
    if (odd) return odd;
    const id = c.req.query('i') ?? '';
    if (!/^tt\d{7,10}$/.test(id)) return c.json(samples.omdbNotFound);
    const film = byImdbId.get(id);
    return c.json({ ...samples.omdb, imdbID: id, ...(film ? { Title: film.title } : {}) });
  });

  const app = new Hono({ strict: false })
    .route('/tmdb/3', tmdb)
    .route('/omdb', omdb)
    .get('/images/:size/:file', async (c) => {
      requests.push({ at: Date.now(), provider: 'tmdb', path: c.req.path });
      const odd = await misbehave();
      if (odd) return odd;
      if (c.req.param('file').startsWith('missing')) return c.text('not found', 404);
      return c.body(posterPng(c.req.param('file')), 200, { 'content-type': 'image/png' });
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
