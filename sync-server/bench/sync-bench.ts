// Runs in Node: part of `npm run bench`. Throughput and latency of sync push and pull over HTTP on
// loopback, on PGlite in memory and in a data folder (the default deployment) and (with
// DATABASE_URL or TEST_DATABASE_URL) PostgreSQL, beside a bare Hono route as the ceiling: pushes
// from one account and from 50, a page of pull, and a device pulling a whole history page by
// page. Load from autocannon, 10 connections, 5 s per case, loopback only; the server runs in a
// worker thread (bench-server.ts), so that the load generator does not share its event loop.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median } from '@filmfold/model';
import { startNodeWorker } from '@filmfold/model/threads';
import type { BenchServerReady, BenchTarget } from './bench-server';

const SECONDS = 5;
const CONNECTIONS = 10;
const ACCOUNTS = 50;
/** The page size the PWA pulls with. */
const PULL_PAGE = 500;

interface HistoryRow {
  database: string;
  changes: number;
  pages: number;
  medianMs: number;
}

interface Row {
  case: string;
  database: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

const serverScript = fileURLToPath(new URL('./bench-server.ts', import.meta.url));

/** Starts the server side in a worker thread (bench-server.ts). */
async function startServer(
  target: BenchTarget,
): Promise<BenchServerReady & { close: () => Promise<void> }> {
  const worker = startNodeWorker(serverScript, { workerData: target });
  const ready = await new Promise<BenchServerReady>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    ...ready,
    async close() {
      const closed = new Promise((resolve) => worker.once('message', resolve));
      worker.postMessage('close');
      await closed;
      await worker.terminate();
    },
  };
}

async function load(url: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options });
}

/** A push of 10 ratings, the `n`th of the run, with its own mutation id. */
function pushBody(n: number): string {
  const changes = Array.from({ length: 10 }, (_, k) => {
    const movieId = 1 + ((n * 10 + k) % 5000);
    return {
      kind: 'rating',
      key: String(movieId),
      value: { movieId, rating: 0.5 + (k % 10) / 2, ratedAt: '2024-05-01T20:15:00Z' },
      hlc: `2024-05-01T20:15:00.000Z-${(n % 0xffff).toString(16).padStart(4, '0')}-bench${k}`,
    };
  });
  return JSON.stringify({
    protocolVersion: 1,
    deviceId: 'benchdevice',
    mutationId: `m${n}x${Date.now()}`,
    changes,
  });
}

const rowOf = (label: string, database: string, result: autocannon.Result): Row => ({
  case: label,
  database,
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  non2xx: result.non2xx,
});

/** Pulls a whole history from cursor 0, page by page, as a new device does; returns the time. */
async function pullHistory(
  url: string,
  cookie: string,
): Promise<{ changes: number; pages: number; ms: number }> {
  const started = performance.now();
  let changes = 0;
  let pages = 0;
  for (let since = 0, hasMore = true; hasMore; pages++) {
    const res = await fetch(
      `${url}/api/sync/pull?protocolVersion=1&since=${since}&limit=${PULL_PAGE}`,
      { headers: { cookie } },
    );
    const page = (await res.json()) as { changes: unknown[]; cursor: number; hasMore: boolean };
    changes += page.changes.length;
    ({ cursor: since, hasMore } = page);
  }
  return { changes, pages, ms: performance.now() - started };
}

async function measureSync(
  database: { url?: string; dataDir?: string },
  label: string,
): Promise<{ rows: Row[]; history: HistoryRow }> {
  const server = await startServer({ kind: 'sync', database, accounts: ACCOUNTS });
  const { url, cookies } = server;
  const headers = { origin: url, 'content-type': 'application/json' };
  const cookie = cookies[0]!;
  let mutation = 0;
  const push = await load(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { ...headers, cookie },
    requests: [{ setupRequest: (request) => ({ ...request, body: pushBody(++mutation) }) }],
  });
  const pushMany = await load(`${url}/api/sync/push`, {
    method: 'POST',
    headers,
    requests: [
      {
        setupRequest: (request) => {
          const n = ++mutation;
          return {
            ...request,
            headers: { ...headers, cookie: cookies[n % ACCOUNTS]! },
            body: pushBody(n),
          };
        },
      },
    ],
  });
  const pull = await load(`${url}/api/sync/pull?protocolVersion=1&since=0&limit=100`, {
    headers: { cookie },
  });
  const passes = [];
  for (let i = 0; i < 5; i++) passes.push(await pullHistory(url, cookie));
  await server.close();
  return {
    rows: [
      rowOf('sync push, 10 ratings, one account', label, push),
      rowOf(`sync push, 10 ratings, ${ACCOUNTS} accounts`, label, pushMany),
      rowOf('sync pull, 100 changes', label, pull),
    ],
    history: {
      database: label,
      changes: passes[0]!.changes,
      pages: passes[0]!.pages,
      medianMs: median(passes.map((p) => p.ms)),
    },
  };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const hello = await startServer({ kind: 'bare' });
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

  const targets: [string, { url?: string; dataDir?: string }][] = [
    ['PGlite (memory)', {}],
    [
      'PGlite (data folder)',
      { dataDir: join(mkdtempSync(join(tmpdir(), 'filmfold-bench-')), 'db') },
    ],
  ];
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) targets.push(['PostgreSQL', { url }]);
  const histories: HistoryRow[] = [];
  for (const [label, database] of targets) {
    process.stderr.write(`Measuring sync on ${label} …\n`);
    const measured = await measureSync(database, label);
    rows.push(...measured.rows);
    histories.push(measured.history);
  }
  console.log(
    `autocannon, ${CONNECTIONS} connections, ${SECONDS} s per case, loopback; one server process (in a worker thread beside the load generator's).\n`,
  );
  console.log('| case | database | requests/s | p50 ms | p99 ms | non-2xx |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(
      `| ${r.case} | ${r.database} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} |`,
    );
  console.log(
    `\nA new device pulling one account's whole history, ${PULL_PAGE} changes a page (median of 5).\n`,
  );
  console.log('| database | changes | pages | median ms | changes/s |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const h of histories)
    console.log(
      `| ${h.database} | ${h.changes} | ${h.pages} | ${Math.round(h.medianMs)} | ${Math.round((h.changes / h.medianMs) * 1000)} |`,
    );
  if (!url) console.log('\n(PostgreSQL skipped: set DATABASE_URL or TEST_DATABASE_URL.)');
}

await main();
