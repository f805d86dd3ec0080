// Runs in Node: part of `npm run bench`. Throughput and latency of sync push and pull over HTTP on
// loopback, on PGlite and (with DATABASE_URL or TEST_DATABASE_URL) PostgreSQL, beside a bare Hono
// route as the ceiling. Load from autocannon, 10 connections, 5 s per case, loopback only.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { createApp } from '../src/app';
import { type Database, openDatabase } from '../src/db/database';
import { trackInFlight } from '../src/http/in-flight';

const SECONDS = 5;
const CONNECTIONS = 10;

interface Row {
  case: string;
  database: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

/** Serves `fetch` on a free loopback port; `close` resolves once in-flight requests are done. */
function listen(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}

async function load(url: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options });
}

async function measureSync(database: Database, label: string): Promise<Row[]> {
  const handler = trackInFlight(createApp({ database }).fetch);
  const { url, close } = await listen(handler.fetch);
  const headers = { origin: url, 'content-type': 'application/json' };
  const signup = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      email: `bench${Date.now()}@example.org`,
      password: 'a benchmark password',
    }),
  });
  const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
  let mutation = 0;
  const push = await load(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { ...headers, cookie },
    requests: [
      {
        setupRequest: (request) => {
          const n = ++mutation;
          const changes = Array.from({ length: 10 }, (_, k) => {
            const movieId = 1 + ((n * 10 + k) % 5000);
            return {
              kind: 'rating',
              key: String(movieId),
              value: { movieId, rating: 0.5 + (k % 10) / 2, ratedAt: '2024-05-01T20:15:00Z' },
              hlc: `2024-05-01T20:15:00.000Z-${(n % 0xffff).toString(16).padStart(4, '0')}-bench${k}`,
            };
          });
          return {
            ...request,
            body: JSON.stringify({
              protocolVersion: 1,
              deviceId: 'benchdevice',
              mutationId: `m${n}x${Date.now()}`,
              changes,
            }),
          };
        },
      },
    ],
  });
  const pull = await load(`${url}/api/sync/pull?protocolVersion=1&since=0&limit=100`, {
    headers: { cookie },
  });
  await close();
  await handler.drain(); // requests autocannon gave up on still finish before the database closes
  return [
    {
      case: 'sync push, 10 ratings',
      database: label,
      rps: push.requests.average,
      p50: push.latency.p50,
      p99: push.latency.p99,
      non2xx: push.non2xx,
    },
    {
      case: 'sync pull, 100 changes',
      database: label,
      rps: pull.requests.average,
      p50: pull.latency.p50,
      p99: pull.latency.p99,
      non2xx: pull.non2xx,
    },
  ];
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const hello = await listen(new Hono().get('/hello', (c) => c.text('hello')).fetch);
  process.stderr.write('Measuring a bare Hono route …\n');
  const bare = await load(`${hello.url}/hello`, {});
  await hello.close();
  rows.push({
    case: 'bare Hono "hello" (ceiling)',
    database: '-',
    rps: bare.requests.average,
    p50: bare.latency.p50,
    p99: bare.latency.p99,
    non2xx: bare.non2xx,
  });

  const targets: [string, () => Promise<Database>][] = [
    ['PGlite (memory)', () => openDatabase({})],
  ];
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) targets.push(['PostgreSQL', () => openDatabase({ url })]);
  for (const [label, open] of targets) {
    process.stderr.write(`Measuring sync on ${label} …\n`);
    const database = await open();
    rows.push(...(await measureSync(database, label)));
    await database.close();
  }
  console.log(
    `autocannon, ${CONNECTIONS} connections, ${SECONDS} s per case, loopback; one server process.\n`,
  );
  console.log('| case | database | requests/s | p50 ms | p99 ms | non-2xx |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(
      `| ${r.case} | ${r.database} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} |`,
    );
  if (!url) console.log('\n(PostgreSQL skipped: set DATABASE_URL or TEST_DATABASE_URL.)');
}

await main();
