// Requests generated from the OpenAPI document, sent over one kept-alive socket to the real
// server on each database. `npm run bench` runs it with FUZZ_REQUESTS=100000.
import type { Server } from 'node:http';
import {
  type Change,
  changeSchema,
  MAX_CLOCK_DRIFT_MS,
  pullResponseSchema,
  pushRequestSchema,
} from '@filmfold/model';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createApp } from '../app';
import { describeOnEachDatabase } from '../db/test-databases';
import { errorBodySchema } from '../errors';
import { openApiDocument } from '../openapi';
import { trainAndPublish } from '../services/publishing';
import { testSeed } from '../services/test-seed';
import { type FuzzRequest, fuzzRequest, operationsOf, SECRET_MARK } from '../test-support/api-fuzz';
import { type SocketAnswer, socketClient } from '../test-support/socket-client';
import { listen } from './listen';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2500);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(
  `API fuzz: ${REQUESTS} requests per database, seed ${SEED} (FUZZ_SEED=${SEED} repeats it)`,
);

/** Routes that would end the owner's session or account: sent as someone else. */
const ENDS_SESSION = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/logout-everywhere',
  'POST /api/auth/password',
  'DELETE /api/account',
]);

/** Independent of the schemas under test: a clock names a real instant, not far ahead of now. */
const isRealClock = (hlc: string, now: number) => {
  const millis = Date.parse(hlc.slice(0, 24));
  return (
    Number.isFinite(millis) &&
    new Date(millis).toISOString() === hlc.slice(0, 24) &&
    millis <= now + MAX_CLOCK_DRIFT_MS
  );
};

const cellOf = (change: Pick<Change, 'kind' | 'key'>) => `${change.kind}:${change.key}`;

describeOnEachDatabase('the API under generated requests', (db) => {
  let server: Server;
  let port = 0;
  const logged: string[] = [];
  beforeAll(async () => {
    await trainAndPublish(db(), testSeed(), { minRaters: 5 });
    // Behind a (pretend) proxy, so that the fuzzer's failed sign-ins are counted against its own
    // addresses, not 127.0.0.1, which other suites sharing the database sign in from.
    const app = createApp({
      database: db(),
      log: (line) => logged.push(line),
      trustProxy: { kind: 'hops', hops: 1 },
    });
    ({ server, port } = await listen(app.fetch, { port: 0, hostname: '127.0.0.1' }));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it(`${REQUESTS} requests: no 5xx, every refusal JSON with security headers on a connection that still works, nothing secret logged, and every acknowledged change in the final pull`, async () => {
    for (const level of ['error', 'warn', 'log'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    }
    const origin = `http://127.0.0.1:${port}`;
    const client = socketClient(port);
    const document = await openApiDocument(createApp({ database: db() }));
    // And a path the document does not have, which must answer like the rest.
    const operations = [
      ...operationsOf(document),
      {
        method: 'GET',
        path: '/api/{unknown}',
        pathParams: ['unknown'],
        query: [],
        hasBody: false,
        isSignedIn: false,
        errors: [404],
      },
    ];

    const signUp = async (email: string) => {
      const res = await client.send({
        method: 'POST',
        path: '/api/auth/signup',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'a long and proper password' }),
      });
      expect(res.status).toBe(201);
      return String(res.headers['set-cookie']).split(';')[0]!;
    };
    const ownerEmail = `owner.${SEED}.${Date.now()}@example.org`;
    const owner = await signUp(ownerEmail);
    const others = await Promise.all(
      [1, 2, 3].map((i) => signUp(`other${i}.${Date.now()}@example.org`)),
    );
    const ownerSecret = owner.split('.')[1]!;

    /** The newest acknowledged change of each of the owner's cells: what the final pull must hold. */
    const acknowledged = new Map<string, Change>();
    const statuses = new Map<number, number>();

    const headersOf = (r: FuzzRequest, turn: number): Record<string, string> => {
      const headers: Record<string, string> = { 'x-forwarded-for': `${addresses}.${turn % 4}` };
      if (r.contentType && r.body !== undefined) headers['content-type'] = r.contentType;
      if (r.origin !== 'none')
        headers.origin = r.origin === 'same' ? origin : 'https://evil.example';
      const route = `${r.operation.method} ${r.operation.path}`;
      const cookie = r.cookie === 'owner' && ENDS_SESSION.has(route) ? 'other' : r.cookie;
      if (cookie === 'owner') headers.cookie = owner;
      if (cookie === 'other') headers.cookie = others[turn % others.length]!;
      if (cookie === 'garbage') headers.cookie = `filmfold_session=${r.garbageCookie}`;
      return headers;
    };

    const noteAcknowledged = (
      r: FuzzRequest,
      headers: Record<string, string>,
      res: SocketAnswer,
    ) => {
      const isOwnersPush =
        r.method === 'POST' && r.operation.path === '/api/sync/push' && headers.cookie === owner;
      if (!isOwnersPush || res.status !== 200) return;
      if ((JSON.parse(res.text) as { isReplay: boolean }).isReplay) return;
      for (const change of pushRequestSchema.parse(JSON.parse(r.body!)).changes) {
        // A clock that is no real time must have been refused: once stored, it wins forever.
        expect(isRealClock(change.hlc, Date.now()), change.hlc).toBe(true);
        const held = acknowledged.get(cellOf(change));
        if (!held || held.hlc < change.hlc) acknowledged.set(cellOf(change), change);
      }
    };

    let turn = 0;
    /** Four client addresses of this run's own, so the throttle still has something to do. */
    const addresses = `10.${1 + (SEED % 250)}.${Math.floor(Math.random() * 250)}`;
    await fc.assert(
      fc.asyncProperty(fuzzRequest(operations, Date.now()), async (r) => {
        const headers = headersOf(r, turn++);
        const what = `${r.method} ${r.path.slice(0, 120)}`;
        const res = await client.send({
          method: r.method,
          path: r.path,
          headers,
          body: r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        // No 5xx but the documented "not ready yet" (503) of a route that has one.
        const isDocumented503 = res.status === 503 && r.operation.errors.includes(503);
        if (!isDocumented503) expect(res.status, what).toBeLessThan(500);
        noteAcknowledged(r, headers, res);
        if (res.status < 400) return;
        expect(res.headers['x-content-type-options'], what).toBe('nosniff');
        if (r.method !== 'HEAD') {
          expect(res.headers['content-type'], what).toMatch(/^application\/json/);
          expect(errorBodySchema.safeParse(JSON.parse(res.text)).success, what).toBe(true);
        }
        // The refusal left the connection (or its replacement) working.
        expect((await client.send({ method: 'GET', path: '/api/health' })).status, what).toBe(200);
      }),
      { numRuns: REQUESTS, seed: SEED, endOnFailure: true },
    );

    // Everything acknowledged to the owner, and nothing else, is what the owner pulls.
    const pulled = new Map<string, Change>();
    for (let since = 0, hasMore = true; hasMore;) {
      const res = await client.send({
        method: 'GET',
        path: `/api/sync/pull?protocolVersion=1&since=${since}&limit=1000`,
        headers: { cookie: owner },
      });
      const page = pullResponseSchema.parse(JSON.parse(res.text));
      for (const change of page.changes) pulled.set(cellOf(change), change);
      ({ cursor: since, hasMore } = page);
    }
    const expected = new Map([...acknowledged].map(([cell, c]) => [cell, changeSchema.parse(c)]));
    expect(new Map([...pulled].sort())).toEqual(new Map([...expected].sort()));
    expect(acknowledged.size).toBeGreaterThan(0);

    for (const line of logged) {
      expect(line).not.toContain(SECRET_MARK);
      expect(line).not.toContain(ownerEmail);
      expect(line).not.toContain(ownerSecret);
    }
    // The mix reached the handlers, not just the guards.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 401, 403, 404]));
    console.info(`API fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    client.close();
    vi.restoreAllMocks();
  }, 1_800_000);
});
