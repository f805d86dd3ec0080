// The convergence property, run on the real client (records.ts, sync-run.ts, device-account.ts
// over fake-indexeddb) against the real server (createApp over PGlite on disk, and PostgreSQL).
import { type Change, compareHlc, parseHlc } from '@filmfold/model';
import { createApp } from '@filmfold/sync-server/app';
import { type Database, openDatabase } from '@filmfold/sync-server/database';
import { describeEach, survivingDatabases } from '@filmfold/sync-server/test-databases';
import { makeTestAccount, type TestAccount } from '@filmfold/sync-server/test-accounts';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { settleStrayChanges, switchAccount } from '$lib/account/device-account';
import { apiClient } from '$lib/api/client';
import type { FilmfoldDb } from '$lib/db/database';
import { rate } from '$lib/db/records';
import { knownServerDigest } from '$lib/db/server-clocks';
import { testDb } from '$lib/db/test-db';
import { syncOnce } from './sync-run';
import { unsentChanges } from '$lib/db/outbox';

const ORIGIN = 'http://filmfold.test';
const HOUR = 3_600_000;
const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 200);

type Fate = 'deliver' | 'drop' | 'lose-answer' | 'duplicate' | 'hold-copy';

type Op =
  | { type: 'edit'; device: number; movie: number; stars: number | null }
  | { type: 'sync'; device: number; fate: Fate }
  | { type: 'toggle-online'; device: number }
  /** Someone sets the device's clock an hour forward or back. */
  | { type: 'clock-jump'; device: number; by: number }
  /** A copy of an earlier push, held by the network, arrives now: duplicated and reordered. */
  | { type: 'late-copy' }
  /** Device 2 signs in to the other account; its unsent changes are kept or discarded. */
  | { type: 'switch-account'; choice: 'keep' }
  | { type: 'restart-server' };

const DEVICES = 3;
const SWITCHER = 2;

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant('edit' as const),
      device: fc.nat(DEVICES - 1),
      movie: fc.integer({ min: 1, max: 5 }),
      stars: fc.option(
        fc.integer({ min: 1, max: 10 }).map((h) => h / 2),
        { nil: null },
      ),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant('sync' as const),
      device: fc.nat(DEVICES - 1),
      fate: fc.constantFrom<Fate>(
        'deliver',
        'deliver',
        'drop',
        'lose-answer',
        'duplicate',
        'hold-copy',
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('toggle-online' as const),
      device: fc.nat(DEVICES - 1),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ type: 'late-copy' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('clock-jump' as const),
      device: fc.nat(DEVICES - 1),
      by: fc.constantFrom(-HOUR, HOUR),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('switch-account' as const),
      // Discarding keeps the films on the device unsynced (by design), so only 'keep' can converge.
      choice: fc.constant('keep' as const),
    }),
  },
  // Rarer: reopening PGlite from its data folder costs a quarter of a second.
  { weight: 1, arbitrary: fc.constant({ type: 'restart-server' as const }) },
);

/** Each device's clock: off by up to an hour either way, and drifting by up to 2 s a step. */
const clocks = fc.array(
  fc.record({
    skew: fc.integer({ min: -HOUR, max: HOUR }),
    drift: fc.integer({ min: -2000, max: 2000 }),
  }),
  { minLength: DEVICES, maxLength: DEVICES },
);

interface Server {
  database: Database;
  app: ReturnType<typeof createApp>;
  restart(): Promise<void>;
}

interface Simulated {
  db: FilmfoldDb;
  account: TestAccount;
  isOnline: boolean;
  /** How far its clock was set away from where it ran. */
  jumped: number;
}

/** The movies each account's edits touch on the switching device: a leak shows as a wrong key. */
const movieFor = (account: 'alice' | 'bob', movie: number) =>
  account === 'alice' ? movie : 100 + movie;

async function simulate(
  server: Server,
  deviceClocks: { skew: number; drift: number }[],
  ops: Op[],
): Promise<void> {
  const alice = await makeTestAccount(server.database);
  const bob = await makeTestAccount(server.database);
  const nameOf = (account: TestAccount) => (account === alice ? 'alice' : 'bob');
  let step = 0;
  const acknowledged: { account: TestAccount; change: Change }[] = [];
  const heldCopies: Request[] = [];

  /**
   * Each edit, with the stamp of the value it replaced on its device when that value had come
   * from (or reached) the server: that value must not win. (A value still in the device's outbox
   * may be re-dated before it is sent, with the edits after it, keeping their order.)
   */
  const replaced: { account: TestAccount; cell: string; hlc: string }[] = [];

  const devices: Simulated[] = await Promise.all(
    deviceClocks.map(async ({ skew, drift }) => {
      const db = testDb();
      const device: Simulated = { db, account: alice, isOnline: true, jumped: 0 };
      db.wallClock = () => Date.now() + skew + drift * step + device.jumped;
      await switchAccount(db, { id: alice.id, email: alice.email });
      return device;
    }),
  );

  /** The device's client over a network that does to each request what `fate` says. */
  const clientOf = (device: Simulated, fate: Fate) =>
    apiClient(ORIGIN, async (input, init) => {
      const request = new Request(input instanceof Request ? input : String(input), init);
      request.headers.set('origin', ORIGIN);
      request.headers.set('cookie', device.account.cookie);
      if (!device.isOnline || fate === 'drop') throw new TypeError('Failed to fetch');
      const isPush = request.url.includes('/sync/push');
      if (isPush && fate === 'hold-copy') heldCopies.push(request.clone());
      if (isPush && fate === 'duplicate') await server.app.request(request.clone());
      const answer = await server.app.request(request.clone());
      if (isPush && fate === 'lose-answer') throw new TypeError('connection reset');
      if (isPush && answer.status === 200) {
        const sent = (await request.clone().json()) as { changes: Change[] };
        for (const change of sent.changes) acknowledged.push({ account: device.account, change });
      }
      return answer;
    });

  /** Syncs until a round neither sends nor receives anything. */
  const syncUntilQuiet = async (device: Simulated) => {
    for (let round = 0; round < 5; round++) {
      const outcome = await syncOnce(device.db, clientOf(device, 'deliver'));
      expect(outcome).toMatchObject({ ok: true, setAside: 0, unrepaired: 0 });
      if (outcome.ok && outcome.pushed + outcome.pulled + outcome.repaired === 0) return;
    }
    throw new Error('Sync did not settle in 5 rounds.');
  };

  for (const next of ops) {
    step++;
    if (next.type === 'restart-server') await server.restart();
    else if (next.type === 'late-copy') {
      const copy = heldCopies.shift();
      if (copy) await server.app.request(copy);
    } else if (next.type === 'switch-account') {
      const device = devices[SWITCHER]!;
      device.account = device.account === alice ? bob : alice;
      await switchAccount(device.db, { id: device.account.id, email: device.account.email });
      await settleStrayChanges(device.db, device.account.id, next.choice);
    } else {
      const device = devices[next.device]!;
      if (next.type === 'toggle-online') device.isOnline = !device.isOnline;
      else if (next.type === 'clock-jump') device.jumped += next.by;
      else if (next.type === 'edit') {
        const movie = movieFor(nameOf(device.account), next.movie);
        const before = await device.db.clocks.get(['rating', String(movie)]);
        const isUnsent = (await unsentChanges(device.db)).some(
          (change) => change.kind === 'rating' && change.key === String(movie),
        );
        if (before && !isUnsent)
          replaced.push({ account: device.account, cell: `rating:${movie}`, hlc: before.hlc });
        await rate(device.db, movie, next.stars);
      } else await syncOnce(device.db, clientOf(device, next.fate));
    }
  }

  // Quiescence: the network heals, every device syncs until nothing is left. The switching
  // device visits each account, so that the changes it kept for either are sent to it.
  for (const device of devices) device.isOnline = true;
  for (const copy of heldCopies) await server.app.request(copy);
  const switcher = devices[SWITCHER]!;
  for (const account of [bob, alice]) {
    switcher.account = account;
    await switchAccount(switcher.db, { id: account.id, email: account.email });
    await syncUntilQuiet(switcher);
  }
  // Twice round: the first sends everything, the second brings everyone what the others sent.
  for (let pass = 0; pass < 2; pass++) for (const device of devices) await syncUntilQuiet(device);

  const serverCells = async (account: TestAccount) => {
    const res = await server.app.request(
      `${ORIGIN}/api/sync/pull?protocolVersion=1&since=0&limit=1000`,
      { headers: { cookie: account.cookie } },
    );
    const { changes } = (await res.json()) as { changes: Change[] };
    return new Map(changes.map((c) => [`${c.kind}:${c.key}`, c]));
  };
  const onServer = { alice: await serverCells(alice), bob: await serverCells(bob) };

  // Nothing of one account ever reached the other.
  for (const key of onServer.alice.keys()) expect(Number(key.split(':')[1])).toBeLessThan(100);
  for (const key of onServer.bob.keys()) expect(Number(key.split(':')[1])).toBeGreaterThan(100);

  // Every device equals the server, cell for cell (the switcher: each account's cells).
  const deviceCells = async (db: FilmfoldDb, isBob: (movie: number) => boolean) => {
    const cells = new Map<string, { hlc: string; rating: number | null }>();
    for (const clock of await db.clocks.toArray()) {
      if (isBob(Number(clock.key))) continue;
      const rating = await db.ratings.get(Number(clock.key));
      cells.set(`${clock.kind}:${clock.key}`, { hlc: clock.hlc, rating: rating?.rating ?? null });
    }
    return cells;
  };
  const asCells = (stored: Map<string, Change>) =>
    new Map(
      [...stored].map(([key, c]) => [
        key,
        { hlc: c.hlc, rating: c.value && 'rating' in c.value ? c.value.rating : null },
      ]),
    );
  const sorted = <V>(map: Map<string, V>) => new Map([...map].sort());
  for (const device of devices) {
    expect(sorted(await deviceCells(device.db, (m) => m > 100))).toEqual(
      sorted(asCells(onServer.alice)),
    );
  }
  expect(sorted(await deviceCells(switcher.db, (m) => m < 100))).toEqual(
    sorted(asCells(onServer.bob)),
  );

  // What each device knows the server holds agrees with the server's own digest.
  const serverDigest = async (account: TestAccount) => {
    const res = await server.app.request(`${ORIGIN}/api/sync/digest?protocolVersion=1`, {
      headers: { cookie: account.cookie },
    });
    return ((await res.json()) as { digest: string[] }).digest;
  };
  for (const device of devices.slice(0, SWITCHER)) {
    expect(await knownServerDigest(device.db, alice.id)).toEqual(await serverDigest(alice));
  }
  for (const account of [alice, bob]) {
    expect(await knownServerDigest(switcher.db, account.id)).toEqual(await serverDigest(account));
  }

  // An edit always beats the value it replaced on its device, however wrong that device's clock.
  for (const { account, cell, hlc } of replaced) {
    expect(onServer[nameOf(account)].get(cell)!.hlc > hlc).toBe(true);
  }

  // Every change acknowledged to a device is there, or superseded by a later one.
  for (const { account, change } of acknowledged) {
    const final = onServer[nameOf(account)].get(`${change.kind}:${change.key}`);
    expect(final).toBeDefined();
    expect(compareHlc(parseHlc(final!.hlc), parseHlc(change.hlc))).toBeGreaterThanOrEqual(0);
    if (final!.hlc === change.hlc) expect(final).toEqual(change);
  }
}

describeEach('the real client converges', survivingDatabases('filmfold-conv-'), (optionsOf) => {
  const server = {} as Server;
  server.restart = async () => {
    await server.database.close();
    server.database = await openDatabase(optionsOf());
    server.app = createApp({ database: server.database });
  };
  beforeAll(async () => {
    server.database = await openDatabase(optionsOf());
    server.app = createApp({ database: server.database });
  }, 60_000);
  afterAll(() => server.database.close());

  it(`${RUNS} runs: 3 devices with clocks off by up to an hour, drifting and reset, offline spells, lost, duplicated and late pushes, server restarts and an account switch end identical to the server, losing no acknowledged change and leaking nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(clocks, fc.array(op, { minLength: 4, maxLength: 20 }), (c, ops) =>
        simulate(server, c, ops),
      ),
      { numRuns: RUNS },
    );
  }, 1_800_000);
});
