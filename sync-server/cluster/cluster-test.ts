// Runs in Node: `npm run test:cluster` (CI runs it after `npm test`). Three server processes on one
// PostgreSQL behind nginx (Debian's package), clients signing up and syncing through it; the
// leading process is killed (SIGKILL) under load. It passes when another process leads within
// 10 s, every change a client saw acknowledged is on the server, and no client ever got a 5xx
// other than 503 with Retry-After. Needs TEST_DATABASE_URL (a role that may create databases)
// and nginx on the PATH; it makes and drops a database of its own.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { nginxConf } from './nginx-conf';

const PROCESSES = 3;
const CLIENTS = 12;
const LOAD_MS = 24_000;
const KILL_AT_MS = 8_000;
const TAKEOVER_LIMIT_MS = 10_000;
const root = fileURLToPath(new URL('../..', import.meta.url));
const movieLens =
  process.env.FILMFOLD_MOVIELENS ?? join(root, '../shared/datasets/ml-latest-small');

const fail = (message: string): never => {
  throw new Error(message);
};
/** JSON with keys in order (PostgreSQL's jsonb keeps its own order). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  child: ChildProcess;
  port: number;
  output: string[];
}

/** A fresh database next to TEST_DATABASE_URL's, dropped by the returned function. */
async function freshDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `filmfold_cluster_${process.pid}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function startServer(port: number, databaseUrl: string): Server {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'sync-server/src/main.ts')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'filmfold-cluster-')),
        MOVIELENS: movieLens,
        WEB_DIR: join(tmpdir(), 'filmfold-no-web'),
        RETRAIN_HOURS: '0',
        TRUST_PROXY: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, port, output };
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) fail(`Timed out waiting for ${what}.`);
    await sleep(100);
  }
}

interface Health {
  leader: { process: string; heartbeat: string } | null;
}

const health = async (url: string) => (await (await fetch(`${url}/api/health`)).json()) as Health;

/** The pid of the leading process, as any process says it (heartbeat under 5 s old). */
async function leaderPid(url: string): Promise<number | undefined> {
  const { leader } = await health(url);
  if (!leader || Date.now() - Date.parse(leader.heartbeat) > 5_000) return undefined;
  return Number(leader.process.split('@')[0]);
}

interface Outcomes {
  acknowledged: Map<string, { key: string; value: unknown }[]>;
  bad: string[];
  retries: number;
  pushes: number;
}

/** One client: signs up through the proxy, then pushes ten ratings at a time until `stopAt`. */
async function client(url: string, n: number, stopAt: number, outcomes: Outcomes) {
  const headers = { origin: url, 'content-type': 'application/json' };
  const email = `cluster-${n}-${process.pid}@example.org`;
  const signUp = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password: 'a long enough password 1' }),
  });
  if (signUp.status !== 201) fail(`Sign-up answered ${signUp.status}: ${await signUp.text()}`);
  const cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
  const acknowledged: { key: string; value: unknown }[] = [];
  outcomes.acknowledged.set(cookie, acknowledged);
  for (let batch = 0; Date.now() < stopAt; batch++) {
    const at = new Date().toISOString();
    const changes = Array.from({ length: 10 }, (_, k) => {
      const movieId = batch * 10 + k + 1;
      return {
        kind: 'rating',
        key: String(movieId),
        value: { movieId, rating: 0.5 + ((batch + k) % 10) / 2, ratedAt: at },
        hlc: `${at}-0000-client${n}`,
      };
    });
    const body = JSON.stringify({
      protocolVersion: 1,
      deviceId: `cluster-device-${n}`,
      mutationId: `mutation-${process.pid}-${n}-${batch}`,
      changes,
    });
    // The same push (same mutation id) until it is acknowledged, as the app's outbox does.
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${url}/api/sync/push`, {
        method: 'POST',
        headers: { ...headers, cookie },
        body,
      }).catch(() => null);
      if (response?.status === 200) {
        acknowledged.push(...changes.map(({ key, value }) => ({ key, value })));
        outcomes.pushes++;
        break;
      }
      if (
        response &&
        response.status >= 500 &&
        !(response.status === 503 && response.headers.get('retry-after'))
      )
        outcomes.bad.push(`${response.status} ${await response.text()}`);
      else if (response && response.status < 500)
        fail(`A push answered ${response.status}: ${await response.text()}`);
      outcomes.retries++;
      if (attempt > 50) fail('A push was never acknowledged.');
      await sleep(200);
    }
  }
}

/** Every change the server holds for the account behind `cookie`, by key. */
async function pullAll(url: string, cookie: string): Promise<Map<string, unknown>> {
  const held = new Map<string, unknown>();
  for (let since = 0, hasMore = true; hasMore;) {
    const response = await fetch(
      `${url}/api/sync/pull?protocolVersion=1&since=${since}&limit=500`,
      { headers: { cookie } },
    );
    const page = (await response.json()) as {
      changes: { key: string; value: unknown }[];
      cursor: number;
      hasMore: boolean;
    };
    for (const change of page.changes) held.set(change.key, change.value);
    ({ cursor: since, hasMore } = page);
  }
  return held;
}

async function main() {
  const baseUrl =
    process.env.TEST_DATABASE_URL ??
    fail('Set TEST_DATABASE_URL to a PostgreSQL the test may use.');
  const database = await freshDatabase(baseUrl);
  const prefix = mkdtempSync(join(tmpdir(), 'filmfold-nginx-'));
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, dir));
  const base = 44000 + Math.floor(Math.random() * 1000);
  const ports = Array.from({ length: PROCESSES }, (_, i) => base + 1 + i);
  const servers: Server[] = [];
  let nginx: ChildProcess | null = null;
  try {
    // One starts first and trains the first model as leader; the others join once it serves.
    servers.push(startServer(ports[0]!, database.url));
    await until('the first process', 240_000, async () =>
      (await fetch(`http://127.0.0.1:${ports[0]}/api/health`)).ok ? true : undefined,
    );
    for (const port of ports.slice(1)) servers.push(startServer(port, database.url));
    for (const port of ports.slice(1))
      await until(`the process on ${port}`, 60_000, async () =>
        (await fetch(`http://127.0.0.1:${port}/api/health`)).ok ? true : undefined,
      );
    writeFileSync(
      join(prefix, 'nginx.conf'),
      nginxConf({ prefix, listen: base, upstreams: ports }),
    );
    nginx = spawn('nginx', ['-c', join(prefix, 'nginx.conf'), '-p', prefix], { stdio: 'inherit' });
    const url = `http://127.0.0.1:${base}`;
    const firstLeader = await until('a leader', 10_000, () => leaderPid(url));
    const leader =
      servers.find((s) => s.child.pid === firstLeader) ?? fail('The leader is not one of ours.');
    console.log(`${PROCESSES} processes behind nginx on ${url}; pid ${firstLeader} leads.`);

    const outcomes: Outcomes = { acknowledged: new Map(), bad: [], retries: 0, pushes: 0 };
    const started = Date.now();
    const load = Promise.all(
      Array.from({ length: CLIENTS }, (_, n) => client(url, n, started + LOAD_MS, outcomes)),
    );
    load.catch(() => {}); // a client's failure is rethrown by `await load` below
    await sleep(KILL_AT_MS);
    leader.child.kill('SIGKILL');
    const killedAt = Date.now();
    const next = await until('another leader', TAKEOVER_LIMIT_MS + 5_000, async () => {
      const pid = await leaderPid(url);
      return pid !== undefined && pid !== firstLeader ? pid : undefined;
    });
    const takeoverMs = Date.now() - killedAt;
    await load;

    let missing = 0;
    let checked = 0;
    for (const [cookie, changes] of outcomes.acknowledged) {
      const held = await pullAll(url, cookie);
      for (const { key, value } of changes) {
        checked++;
        if (canonical(held.get(key)) !== canonical(value)) missing++;
      }
    }
    console.log(
      '| processes | clients | pushes acknowledged | changes checked | missing | retries | takeover ms | other 5xx |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(
      `| ${PROCESSES} | ${CLIENTS} | ${outcomes.pushes} | ${checked} | ${missing} | ${outcomes.retries} | ${takeoverMs} | ${outcomes.bad.length} |`,
    );
    console.log(`pid ${next} took over.`);
    if (takeoverMs > TAKEOVER_LIMIT_MS)
      fail(`Takeover took ${takeoverMs} ms (limit ${TAKEOVER_LIMIT_MS}).`);
    if (missing > 0) fail(`${missing} acknowledged changes are missing.`);
    if (outcomes.bad.length > 0)
      fail(`Clients saw other 5xx answers: ${outcomes.bad.slice(0, 3).join('; ')}`);
    if (outcomes.pushes < CLIENTS * 10) fail(`Only ${outcomes.pushes} pushes in ${LOAD_MS} ms.`);
    console.log('Cluster test passed.');
  } catch (err) {
    for (const server of servers)
      console.error(`--- process on ${server.port}:\n${server.output.slice(-20).join('\n')}`);
    throw err;
  } finally {
    nginx?.kill('SIGTERM');
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(
      servers.map((s) =>
        s.child.exitCode === null && s.child.signalCode === null
          ? new Promise((r) => s.child.once('exit', r))
          : null,
      ),
    );
    await database.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
