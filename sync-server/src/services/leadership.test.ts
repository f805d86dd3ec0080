import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/database';
import { postgresUrl } from '../db/test-databases';
import { type Leadership, startLeadership } from './leadership';

const POLL_MS = 100;
const until = async (condition: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('Timed out.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** A server process as leadership sees it: its own database handle, and the work it runs. */
async function processOn(options: { url?: string }) {
  const database = await openDatabase(options);
  const work = { started: 0, stopped: 0 };
  const leadership = startLeadership(
    database,
    async () => {
      work.started++;
      return () => {
        work.stopped++;
      };
    },
    { pollMs: POLL_MS, log: () => {} },
  );
  await leadership.firstTurn;
  return { database, leadership, work };
}

const open: { database: Database; leadership: Leadership }[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) {
    await p.leadership.stop();
    await p.database.close().catch(() => undefined);
  }
});

describe('leadership on PGlite', () => {
  it('leads at once: one process opens a data folder', { timeout: 30_000 }, async () => {
    const one = await processOn({});
    open.push(one);
    expect(one.leadership.isLeader()).toBe(true);
    expect(one.work.started).toBe(1);
    await one.leadership.stop();
    expect(one.work.stopped).toBe(1);
  });
});

describe.skipIf(!postgresUrl)('leadership on PostgreSQL', () => {
  it(
    'lets exactly one of three processes lead, and another take over when it dies',
    { timeout: 30_000 },
    async () => {
      const processes = await Promise.all([1, 2, 3].map(() => processOn({ url: postgresUrl })));
      open.push(...processes);
      await new Promise((resolve) => setTimeout(resolve, 3 * POLL_MS));
      const leaders = processes.filter((p) => p.leadership.isLeader());
      expect(leaders).toHaveLength(1);
      expect(processes.reduce((n, p) => n + p.work.started, 0)).toBe(1);
      // The leader's connections end, as a killed process's do (its work is not stopped politely).
      const [leader] = leaders;
      await leader!.database.close();
      const rest = processes.filter((p) => p !== leader);
      await until(() => rest.some((p) => p.leadership.isLeader()));
      await new Promise((resolve) => setTimeout(resolve, 3 * POLL_MS));
      expect(rest.filter((p) => p.leadership.isLeader())).toHaveLength(1);
      // The old leader notices it lost the lock and stops its work.
      await until(() => !leader!.leadership.isLeader());
      expect(leader!.work.stopped).toBe(1);
    },
  );
});
