import { randomUUID } from 'node:crypto';
import {
  type Change,
  compareHlc,
  formatHlc,
  type Hlc,
  parseHlc,
  receive,
  tick,
} from '@filmfold/model';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/database';
import { describeEach, survivingDatabases } from '../db/test-databases';
import { pullChanges, pushChanges } from './sync';

const DEVICES = 3;
const START = Date.parse('2024-05-01T00:00:00Z');

type Op =
  | { type: 'edit'; device: number; movie: number; stars: number | null }
  | { type: 'push'; device: number; fate: 'deliver' | 'drop' | 'lose-answer' | 'duplicate' }
  | { type: 'pull'; device: number }
  | { type: 'toggle-online'; device: number }
  | { type: 'restart-server' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('edit' as const),
      device: fc.nat(DEVICES - 1),
      movie: fc.integer({ min: 1, max: 6 }),
      stars: fc.option(
        fc.integer({ min: 1, max: 10 }).map((h) => h / 2),
        { nil: null },
      ),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('push' as const),
      device: fc.nat(DEVICES - 1),
      fate: fc.constantFrom(
        'deliver' as const,
        'drop' as const,
        'lose-answer' as const,
        'duplicate' as const,
      ),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({ type: fc.constant('pull' as const), device: fc.nat(DEVICES - 1) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('toggle-online' as const),
      device: fc.nat(DEVICES - 1),
    }),
  },
  // Rarer: restarting costs a quarter of a second on PGlite.
  { weight: 1, arbitrary: fc.constant({ type: 'restart-server' as const }) },
);

interface Device {
  id: string;
  clock: Hlc;
  cells: Map<string, Change>;
  outbox: Change[];
  inFlight: { mutationId: string; changes: Change[] } | null;
  cursor: number;
  isOnline: boolean;
}

const cellOf = (c: Change) => `${c.kind}:${c.key}`;

function applyLww(cells: Map<string, Change>, change: Change): void {
  const held = cells.get(cellOf(change));
  if (!held || held.hlc < change.hlc) cells.set(cellOf(change), change);
}

/** A simulation of devices that edit, go offline, and push and pull over a lossy network. */
async function simulate(
  server: { database: Database; restart: () => Promise<void> },
  ops: Op[],
): Promise<void> {
  const user = randomUUID();
  let now = START;
  const acknowledged: Change[] = [];
  const devices: Device[] = Array.from({ length: DEVICES }, (_, d) => ({
    id: `device${d}x`,
    clock: { millis: 0, counter: 0, node: `device${d}x` },
    cells: new Map(),
    outbox: [],
    inFlight: null,
    cursor: 0,
    isOnline: true,
  }));
  const send = async (device: Device) => {
    const batch = device.inFlight!;
    const outcome = await pushChanges(
      server.database,
      user,
      {
        protocolVersion: 1,
        deviceId: device.id,
        mutationId: batch.mutationId,
        changes: batch.changes,
      },
      now,
    );
    if (!outcome.ok) throw new Error(outcome.message);
  };
  const pullAll = async (device: Device) => {
    for (;;) {
      const page = await pullChanges(server.database, user, { since: device.cursor, limit: 7 });
      for (const change of page.changes) {
        applyLww(device.cells, change);
        const next = receive(device.clock, parseHlc(change.hlc), now);
        if (next.ok) device.clock = next.clock;
      }
      device.cursor = page.cursor;
      if (!page.hasMore) return;
    }
  };
  const pushPending = async (device: Device, fate: Extract<Op, { type: 'push' }>['fate']) => {
    if (!device.inFlight) {
      if (device.outbox.length === 0) return;
      device.inFlight = { mutationId: randomUUID(), changes: device.outbox.splice(0) };
    }
    if (fate === 'drop') return; // lost on the way: retried later with the same mutation id
    await send(device);
    if (fate === 'duplicate') await send(device);
    if (fate === 'lose-answer') return; // applied, but the device never hears: it will retry
    acknowledged.push(...device.inFlight.changes);
    device.inFlight = null;
  };

  for (const step of ops) {
    now += 1000;
    if (step.type === 'restart-server') {
      await server.restart();
      continue;
    }
    const device = devices[step.device]!;
    if (step.type === 'toggle-online') device.isOnline = !device.isOnline;
    else if (step.type === 'edit') {
      const next = tick(device.clock, now);
      if (!next.ok) continue;
      device.clock = next.clock;
      const hlc = formatHlc(device.clock);
      const change: Change =
        step.stars === null
          ? { kind: 'rating', key: String(step.movie), value: null, hlc }
          : {
              kind: 'rating',
              key: String(step.movie),
              value: {
                movieId: step.movie,
                rating: step.stars,
                ratedAt: new Date(now).toISOString(),
              },
              hlc,
            };
      applyLww(device.cells, change);
      device.outbox.push(change);
    } else if (device.isOnline && step.type === 'push') await pushPending(device, step.fate);
    else if (device.isOnline && step.type === 'pull') await pullAll(device);
  }

  // Everyone comes back online and syncs until nothing is left.
  for (const device of devices) {
    device.isOnline = true;
    while (device.inFlight || device.outbox.length > 0) await pushPending(device, 'deliver');
  }
  for (const device of devices) await pullAll(device);

  const stored = new Map<string, Change>();
  const everything = await pullChanges(server.database, user, { since: 0, limit: 1000 });
  for (const change of everything.changes) stored.set(cellOf(change), change);
  for (const device of devices)
    expect(new Map([...device.cells].sort())).toEqual(new Map([...stored].sort()));
  for (const change of acknowledged) {
    const final = stored.get(cellOf(change))!;
    expect(compareHlc(parseHlc(final.hlc), parseHlc(change.hlc))).toBeGreaterThanOrEqual(0);
    if (final.hlc === change.hlc) expect(final).toEqual(change);
  }
}

describeEach('sync convergence', survivingDatabases('filmfold-sync-'), (optionsOf) => {
  const server = {
    database: undefined as unknown as Database,
    /** Closes the database and opens it again, as a server process restart would. */
    async restart() {
      await server.database.close();
      server.database = await openDatabase(optionsOf());
    },
  };
  beforeAll(async () => {
    server.database = await openDatabase(optionsOf());
  }, 60_000);
  afterAll(() => server.database.close());

  it('3 devices with offline periods, lost, duplicated and retried pushes, and server restarts end identical, losing no acknowledged change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), (ops) =>
        simulate(server, ops),
      ),
      { numRuns: Number(process.env.SYNC_PROPERTY_RUNS ?? 100) },
    );
  }, 1_800_000);
});
