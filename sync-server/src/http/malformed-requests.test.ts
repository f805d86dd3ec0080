import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createApp } from '../app';
import { describeOnEachDatabase } from '../db/test-databases';
import { browser, heldData, ORIGIN, pushBody, ratingChange } from './test-client';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);

const paths = [
  '/api/auth/signup',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/logout-everywhere',
  '/api/auth/password',
  '/api/account',
  '/api/sync/push',
  '/api/sync/pull',
  '/api/contributions',
  '/api/contributions/abcdefgh',
  '/api/health',
  '/api/nope',
];

const deep = (depth: number): unknown => (depth === 0 ? 1 : { a: [deep(depth - 1)] });

/** Bodies that are wrong in every way we could think of, as raw text. */
const badBody: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.json(),
  fc.anything().map((v) => {
    try {
      return JSON.stringify(v) ?? 'null';
    } catch {
      return '{}';
    }
  }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '{"email": 12, "password": []}',
    '{"protocolVersion": "1", "deviceId": null, "changes": {}}',
    '{"protocolVersion": 1, "deviceId": "abcdefgh", "mutationId": "abcdefgh", "changes": [{"kind": "rating", "key": "-1", "value": {"movieId": -1}, "hlc": "x"}]}',
    '{"contributorId": "abcdefgh", "ratings": [{"movieId": 1e309, "rating": "NaN", "ratedOn": "2024-02-30"}]}',
    '{"currentPassword": {"$gt": ""}, "newPassword": null}',
    '\ud800\udfff\u0000',
    '{"a": "\\ud800"}',
    JSON.stringify(deep(2000)).slice(0, 50_000),
    '['.repeat(10_000),
  ),
);

const cookie = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 80 }).map((s) => `filmfold_session=${encodeURIComponent(s)}`),
  fc.constantFrom(
    `filmfold_session=${'a'.repeat(32)}.${'b'.repeat(32)}`,
    'filmfold_session=..',
    'filmfold_session=a.b.c',
  ),
);

const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
  path: fc.oneof(
    fc.constantFrom(...paths),
    fc
      .constantFrom(...paths)
      .chain((p) =>
        fc.string({ maxLength: 30 }).map((q) => `${p}?${encodeURIComponent(q)}=${q.length}`),
      ),
  ),
  contentType: fc.constantFrom(
    undefined,
    'application/json',
    'text/plain',
    'application/json; charset=latin1',
    'multipart/form-data',
  ),
  origin: fc.constantFrom(undefined, ORIGIN, 'https://evil.example', 'null'),
  cookie,
  body: badBody,
});

describeOnEachDatabase('malformed requests', (db) => {
  it(`${REQUESTS} generated bad requests: no 500, every error JSON, and nothing changed`, async () => {
    const app = createApp({ database: db() });
    // A real person with data, whose data must come through untouched.
    const owner = browser(app);
    expect(
      (
        await owner.send('POST', '/api/auth/signup', {
          email: `owner${Date.now()}@example.org`,
          password: 'a long and proper password',
        })
      ).status,
    ).toBe(201);
    await owner.send('POST', '/api/sync/push', pushBody([ratingChange(9, 4)]));
    const counts = () =>
      db().db.execute(
        sql`select (select count(*) from users)::int as users, (select count(*) from sync_cells)::int as cells, (select count(*) from contributions)::int as contributions`,
      );
    const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows);
    const before = rows(await counts());
    const ownerData = await heldData(owner);

    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        if (r.contentType) headers['content-type'] = r.contentType;
        if (r.origin) headers.origin = r.origin;
        if (r.cookie) headers.cookie = r.cookie;
        const withBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD';
        const res = await app.request(`${ORIGIN}${r.path}`, {
          method: r.method,
          headers,
          body: withBody ? r.body : undefined,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).not.toBe(500);
        if (res.status >= 400 && r.method !== 'HEAD') {
          const text = await res.text();
          expect(() => JSON.parse(text)).not.toThrow();
          expect(text).not.toMatch(/\n\s+at /);
        }
      }),
      { numRuns: REQUESTS },
    );
    expect(rows(await counts())).toEqual(before);
    expect(await heldData(owner)).toBe(ownerData);
    // The mix reached the handlers, not just the guards.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 401, 403, 404]));
  }, 240_000);
});
