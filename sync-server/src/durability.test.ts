import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, expect, it } from 'vitest';
import { describeEach, postgresUrl } from './db/test-databases';
import { tinyMovieLens } from './services/test-movielens';
import { startServerProcess } from './test-support/server-process';

/** Servers this suite started: none outlives it, even when a test fails half-way. */
const started = new Set<ChildProcess>();
afterEach(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  started.clear();
});

async function startServer(env: Record<string, string>) {
  const server = await startServerProcess(env);
  started.add(server.child);
  return server;
}

async function call(
  url: string,
  path: string,
  init: { method?: string; body?: unknown; cookie?: string } = {},
) {
  return fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      origin: url,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const databases: [string, Record<string, string> | undefined][] = [
  ['PGlite', {}],
  ['PostgreSQL', postgresUrl ? { DATABASE_URL: postgresUrl } : undefined],
];

describeEach('durability', databases, (dbEnvOf) => {
  it('a server killed or stopped mid-push loses no acknowledged change', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'filmfold-data-'));
    mkdirSync(dataDir, { recursive: true });
    const env = { ...dbEnvOf(), DATA_DIR: dataDir, MOVIELENS: tinyMovieLens(), MIN_RATERS: '1' };
    const email = `durable${Date.now()}@example.org`;
    const password = 'a long and proper password';

    let server = await startServer(env);
    const signup = await call(server.url, '/api/auth/signup', {
      method: 'POST',
      body: { email, password },
    });
    expect(signup.status).toBe(201);
    const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;

    let next = 1;
    const acknowledged: string[] = [];
    const statuses = new Set<number>();
    /** Pushes one rating after another until the server goes away or says it is stopping. */
    const pusher = async (serverUrl: string, cookie: string) => {
      for (;;) {
        const movieId = next++;
        const change = {
          kind: 'rating',
          key: String(movieId),
          value: { movieId, rating: 4, ratedAt: '2024-05-01T20:15:00Z' },
          hlc: `2024-05-01T20:15:00.000Z-0000-deviceA${movieId}`,
        };
        let res: Response;
        try {
          res = await call(serverUrl, '/api/sync/push', {
            method: 'POST',
            cookie,
            body: {
              protocolVersion: 1,
              deviceId: 'deviceA1',
              mutationId: `mutation${movieId}x`,
              changes: [change],
            },
          });
        } catch {
          return; // the server is gone
        }
        statuses.add(res.status);
        if (res.status === 200) acknowledged.push(String(movieId));
        if (res.status === 503) return;
      }
    };
    const logIn = async (serverUrl: string) => {
      const login = await call(serverUrl, '/api/auth/login', {
        method: 'POST',
        body: { email, password },
      });
      expect(login.status).toBe(200);
      return login.headers.get('set-cookie')!.split(';')[0]!;
    };
    /** Every key the server holds for the account, page by page (there may be thousands). */
    const storedKeys = async (serverUrl: string, session: string) => {
      const keys = new Set<string>();
      for (let since = 0, hasMore = true; hasMore;) {
        const page = (await (
          await call(serverUrl, `/api/sync/pull?protocolVersion=1&since=${since}&limit=1000`, {
            cookie: session,
          })
        ).json()) as { changes: { key: string }[]; cursor: number; hasMore: boolean };
        for (const change of page.changes) keys.add(change.key);
        ({ cursor: since, hasMore } = page);
      }
      return keys;
    };

    // 1. SIGKILL in the middle of pushes: every acknowledged change survives.
    let pushers = Array.from({ length: 4 }, () => pusher(server.url, cookie));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    server.child.kill('SIGKILL');
    await Promise.all(pushers);
    expect(acknowledged.length).toBeGreaterThan(5);

    server = await startServer(env);
    let session = await logIn(server.url);
    let stored = await storedKeys(server.url, session);
    expect(acknowledged.filter((key) => !stored.has(key))).toEqual([]);

    // 2. SIGTERM in the middle of pushes: requests in flight finish, later ones get 503, the
    // process exits 0, and again every acknowledged change survives.
    const beforeTerm = acknowledged.length;
    pushers = Array.from({ length: 4 }, () => pusher(server.url, session));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');
    await Promise.all(pushers);
    const [code] = await exited;
    expect(code).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(beforeTerm);
    expect([...statuses].filter((status) => status !== 200 && status !== 503)).toEqual([]);

    server = await startServer(env);
    session = await logIn(server.url);
    stored = await storedKeys(server.url, session);
    expect(acknowledged.filter((key) => !stored.has(key))).toEqual([]);
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
  }, 180_000);
});
