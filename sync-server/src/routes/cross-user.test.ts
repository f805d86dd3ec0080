import { expect, it } from 'vitest';
import { createApp } from '../app';
import { describeOnEachDatabase } from '../db/test-databases';
import { browser, heldData, pushBody, ratingChange } from '../http/test-client';
import { documentedRoutes, openApiDocument } from '../openapi';

const password = 'a long and proper password';

/** A plausible body or query for each signed-in route, as user B would send it. */
const asB: Record<string, { path?: string; body?: unknown }> = {
  'POST /api/auth/logout-everywhere': {},
  'POST /api/auth/password': {
    body: { currentPassword: password, newPassword: 'b changes b password' },
  },
  'GET /api/account': {},
  'DELETE /api/account': { body: { password } },
  'POST /api/sync/push': {
    body: {
      protocolVersion: 1,
      deviceId: 'deviceA1', // even A's device and mutation ids
      mutationId: 'mutationA1',
      changes: [
        { kind: 'rating', key: '1', value: null, hlc: '2030-01-01T00:00:00.000Z-0000-deviceB1' },
      ],
    },
  },
  'GET /api/sync/pull': { path: '/api/sync/pull?protocolVersion=1&since=0' },
  'GET /api/sync/digest': { path: '/api/sync/digest?protocolVersion=1' },
  'GET /api/sync/cells': {
    path: `/api/sync/cells?protocolVersion=1&buckets=${Array.from({ length: 32 }, (_, b) => b).join(',')}`,
  },
};

describeOnEachDatabase('cross-user isolation', (db) => {
  it('no signed-in route lets B read or change A’s data', async () => {
    const document = await openApiDocument(createApp({ database: db() }));
    const signedInRoutes = documentedRoutes(document)
      .filter((r) => r.isSignedIn)
      .map((r) => `${r.method} ${r.path}`);
    expect(new Set(Object.keys(asB))).toEqual(new Set(signedInRoutes)); // a new route must join this matrix

    for (const route of signedInRoutes) {
      const app = createApp({ database: db() });
      const a = browser(app);
      const emailA = `a${Date.now()}${Math.random()}@example.org`;
      await a.send('POST', '/api/auth/signup', { email: emailA, password });
      // A's own device and mutation ids, which B reuses below.
      await a.send(
        'POST',
        '/api/sync/push',
        pushBody([ratingChange(1, 5)], { mutationId: 'mutationA1' }),
      );
      const accountA = await (await a.send('GET', '/api/account')).text();
      const dataA = await heldData(a);

      const b = browser(app);
      await b.send('POST', '/api/auth/signup', {
        email: `b${Date.now()}${Math.random()}@example.org`,
        password,
      });
      const [method, path] = route.split(' ') as [string, string];
      const res = await b.send(method, asB[route]!.path ?? path, asB[route]!.body);
      const answer = await res.text();
      expect(answer, route).not.toContain(emailA);
      expect(answer, route).not.toContain('"rating":5');

      expect(await (await a.send('GET', '/api/account')).text(), route).toBe(accountA);
      expect(await heldData(a), route).toBe(dataA);
      expect(
        (await browser(app).send('POST', '/api/auth/login', { email: emailA, password })).status,
        route,
      ).toBe(200);
    }
  }, 120_000);
});
