// Runs in a Node worker thread started by sync-bench.ts: the server side of the benchmark, in a
// thread of its own so that the load generator does not share the server's event loop (real
// clients do not). Serves a bare Hono route, or the app over a database with signed-in accounts.
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../src/app';
import { type Database, openDatabase } from '../src/db/database';
import { trackInFlight } from '../src/http/in-flight';
import { makeTestAccount } from '../src/test-support/test-accounts';

export type BenchTarget =
  | { kind: 'bare' }
  | { kind: 'sync'; database: { url?: string; dataDir?: string }; accounts: number };

export interface BenchServerReady {
  url: string;
  /** Cookie headers of the signed-in accounts (none for the bare route). */
  cookies: string[];
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

const target = workerData as BenchTarget;
let database: Database | null = null;
let drain = async () => {};
let served: { url: string; close: () => Promise<void> };
let cookies: string[] = [];
if (target.kind === 'bare') {
  served = await listen(new Hono().get('/hello', (c) => c.text('hello')).fetch);
} else {
  const open = await openDatabase(target.database);
  database = open;
  const handler = trackInFlight(createApp({ database: open }).fetch);
  drain = () => handler.drain();
  served = await listen(handler.fetch);
  const accounts = await Promise.all(
    Array.from({ length: target.accounts }, () => makeTestAccount(open)),
  );
  cookies = accounts.map((account) => account.cookie);
}
parentPort!.postMessage({ url: served.url, cookies } satisfies BenchServerReady);
parentPort!.once('message', async () => {
  await served.close();
  await drain(); // requests autocannon gave up on still finish before the database closes
  await database?.close();
  parentPort!.postMessage('closed');
});
