// Runs in Node: part of `npm run bench` (`npm run bench:memory` alone; builds the compiled server
// first). What a server process holds on ml-latest-small and on a synthetic catalog of ml-25m's
// 62,000 films (1M ratings): its resident set (/proc) at its highest while the first start trains
// and publishes the first model, at rest after it, its highest during a sync load
// (50 accounts pushing 10 ratings at a time for 10 s) and at rest after it, with V8's heap and
// the memory outside it (SIGUSR2 makes the server print process.memoryUsage()), and what holds
// the heap at rest (a heap snapshot, heap-summary.ts). On PGlite in a
// data folder and on PostgreSQL (DATABASE_URL or TEST_DATABASE_URL; a database of its own), the
// compiled server and, beside it, the server run from its TypeScript sources through tsx.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { syntheticCatalogFolder } from '@filmfold/datasets';
import { type ServerProcess, startServerProcess } from '../src/test-support/server-process';
import { heapSummary } from './heap-summary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const smallMovieLens =
  process.env.FILMFOLD_MOVIELENS ?? join(root, '../shared/datasets/ml-latest-small');

const ACCOUNTS = 50;
const heldRows: string[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMib = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

/** A server process, and the highest resident set it had while it started (and trained). */
interface Run extends ServerProcess {
  startPeak: number;
}

/** The signal that makes the server write a heap snapshot (node --heapsnapshot-signal). */
const SNAPSHOT_SIGNAL = 'SIGURG';

async function start(
  env: Record<string, string>,
  compiled: boolean,
  snapshots: string,
): Promise<Run> {
  let startPeak = 0;
  let sampler: ReturnType<typeof setInterval> | undefined;
  const server = await startServerProcess(
    {
      ...env,
      WEB_DIR: join(root, 'web/build'),
      RETRAIN_HOURS: '0',
      NODE_ENV: 'production',
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --heapsnapshot-signal=${SNAPSHOT_SIGNAL} --diagnostic-dir=${snapshots}`,
    },
    {
      compiled,
      timeoutMs: 15 * 60_000,
      onSpawn: (child) => {
        sampler = setInterval(() => {
          if (child.exitCode === null) startPeak = Math.max(startPeak, rssMib(child.pid!));
        }, 200);
      },
    },
  ).finally(() => clearInterval(sampler));
  return { ...server, startPeak };
}

/** What the server says it holds (SIGUSR2). */
async function memory(run: Run): Promise<Record<string, number>> {
  const before = run.output().length;
  run.child.kill('SIGUSR2');
  for (let i = 0; i < 50; i++) {
    const line = run
      .output()
      .slice(before)
      .split('\n')
      .find((l) => l.startsWith('Memory: '));
    if (line) return JSON.parse(line.slice('Memory: '.length)) as Record<string, number>;
    await sleep(100);
  }
  throw new Error('No memory report.');
}

/** What holds the server's V8 heap now: a heap snapshot, summarised, then deleted. */
async function heldBy(run: Run, snapshots: string): Promise<string> {
  run.child.kill(SNAPSHOT_SIGNAL);
  // Done when the file stops growing for a second.
  let file: string | undefined;
  for (let size = -1, waited = 0; waited < 120_000; waited += 1000) {
    await sleep(1000);
    file = readdirSync(snapshots).find((name) => name.endsWith('.heapsnapshot'));
    if (!file) continue;
    const now = statSync(join(snapshots, file)).size;
    if (now > 0 && now === size) break;
    size = now;
  }
  if (!file) throw new Error('The server wrote no heap snapshot.');
  const summary = heapSummary(join(snapshots, file), 6);
  rmSync(join(snapshots, file));
  return summary.map(({ group, bytes }) => `${group} ${(bytes / 2 ** 20).toFixed(1)}`).join(' · ');
}

/** Highest resident set while 50 accounts push for 10 s. */
async function underLoad(run: Run): Promise<number> {
  const headers = { origin: run.url, 'content-type': 'application/json' };
  const cookies: string[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const response = await fetch(`${run.url}/api/auth/signup`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        email: `memory-${i}-${Date.now()}@example.org`,
        password: 'a long enough password 1',
      }),
    });
    cookies.push(response.headers.get('set-cookie')!.split(';')[0]!);
  }
  let peak = rssMib(run.child.pid!);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMib(run.child.pid!))), 200);
  let n = 0;
  await autocannon({
    url: `${run.url}/api/sync/push`,
    method: 'POST',
    connections: 10,
    duration: 10,
    requests: [
      {
        setupRequest: (request) => {
          const i = ++n;
          const at = new Date().toISOString();
          return {
            ...request,
            headers: { ...headers, cookie: cookies[i % ACCOUNTS]! },
            body: JSON.stringify({
              protocolVersion: 1,
              deviceId: 'memorybench',
              mutationId: `memory-${i}-${Date.now()}`,
              changes: Array.from({ length: 10 }, (_, k) => ({
                kind: 'rating',
                key: String(1 + ((i * 10 + k) % 5000)),
                value: { movieId: 1 + ((i * 10 + k) % 5000), rating: 4, ratedAt: at },
                hlc: `${at}-0000-memorybench`,
              })),
            }),
          };
        },
      },
    ],
  });
  clearInterval(sampler);
  return peak;
}

async function measure(
  label: string,
  env: Record<string, string>,
  compiled: boolean,
  movieLens = smallMovieLens,
) {
  process.stderr.write(`Measuring ${label} …\n`);
  env = { ...env, MOVIELENS: movieLens };
  const snapshots = mkdtempSync(join(tmpdir(), 'filmfold-heap-'));
  const run = await start(env, compiled, snapshots);
  await sleep(10_000);
  const rest = rssMib(run.child.pid!);
  const held = await memory(run);
  heldRows.push(`| ${label} | ${await heldBy(run, snapshots)} |`);
  const peak = await underLoad(run);
  await sleep(10_000);
  const after = rssMib(run.child.pid!);
  run.child.kill('SIGTERM');
  await new Promise((resolve) => run.child.once('exit', resolve));
  return `| ${label} | ${run.startPeak} | ${rest} | ${held.heapUsed} / ${held.heapTotal} | ${held.external} (${held.arrayBuffers} in ArrayBuffers) | ${peak} | ${after} |`;
}

async function main() {
  execFileSync('npm', ['run', 'build', '-w', 'sync-server'], { cwd: root, stdio: 'ignore' });
  const rows: string[] = [];
  const folder = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'filmfold-memory-')) });
  const largeMovieLens = await syntheticCatalogFolder(1_000_000);
  rows.push(await measure('PGlite (data folder), compiled', folder(), true));
  rows.push(await measure('PGlite, compiled, 62,000 films', folder(), true, largeMovieLens));
  const baseUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (baseUrl) {
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    for (const [label, compiled, movieLens] of [
      ['PostgreSQL, compiled', true, smallMovieLens],
      ['PostgreSQL, from sources (tsx)', false, smallMovieLens],
      ['PostgreSQL, compiled, 62,000 films', true, largeMovieLens],
    ] as const) {
      const name = `filmfold_memory_${process.pid}`;
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.unsafe(`create database ${name}`);
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      rows.push(
        await measure(label, { ...folder(), DATABASE_URL: url.toString() }, compiled, movieLens),
      );
      await admin.unsafe(`drop database if exists ${name} with (force)`);
    }
    await admin.end();
  }
  console.log(
    'Server memory, MiB, on ml-latest-small and on a synthetic 62,000-film catalog with 1M ratings (resident set from /proc; heap and external from the process):\n',
  );
  console.log(
    '| server | highest during the first start (training) | at rest after it | V8 heap used / total | outside the heap | highest under sync load | at rest after it |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
  console.log(
    '\nWhat holds the V8 heap at rest after the first start (a heap snapshot: self sizes in MiB, the six largest kinds; numbers and arrays inside objects are their backing stores):\n',
  );
  console.log('| server | largest holders |');
  console.log('| --- | --- |');
  for (const row of heldRows) console.log(row);
}

await main();
