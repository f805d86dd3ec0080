import { randomBytes, randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { LoginThrottle } from '../auth/login-throttle';
import { createSession, SESSION_LIFETIME_MS } from '../auth/sessions';
import { describeOnEachDatabase } from '../db/test-databases';
import { artifacts, loginFailures, sessions, syncMutations, users } from '../db/schema';
import type { Database } from '../db/database';
import { latestManifest, publishArtifacts } from './publishing';
import { KEPT_ARTIFACT_VERSIONS, MUTATION_RETENTION_MS, sweepRetention } from './retention';
import { pullChanges, pushChanges } from './sync';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2024-03-01T00:00:00Z');

const rating = (movieId: number, stars: number, at: number) => ({
  kind: 'rating' as const,
  key: String(movieId),
  value: { movieId, rating: stars, ratedAt: new Date(at).toISOString() },
  hlc: `${new Date(at).toISOString()}-0000-device1x`,
});

/** Rows that belong to `userId` (other suites share the PostgreSQL database), and artifacts. */
/** Rows that belong to `userId` (other suites share the PostgreSQL database), and artifacts. */
async function rowsOf(database: Database, userId: string) {
  const n = (rows: { n: number }[]) => Number(rows[0]!.n);
  return {
    mutations: n(
      await database.db
        .select({ n: count() })
        .from(syncMutations)
        .where(eq(syncMutations.userId, userId)),
    ),
    sessions: n(
      await database.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)),
    ),
    loginFailures: n(await database.db.select({ n: count() }).from(loginFailures)),
    artifacts: n(await database.db.select({ n: count() }).from(artifacts)),
  };
}

describeOnEachDatabase('retention', (db) => {
  it('a simulated two months of pushes, sign-ins and publishing leaves every table bounded', async () => {
    const database = db();
    // Start from nothing of ours: other suites share the database, so count only what we add.
    await sweepRetention(database, new Date(START + 400 * DAY));
    const userId = randomUUID();
    await database.db
      .insert(users)
      .values({ id: userId, email: `${userId}@example.org`, passwordHash: 'x' });
    const throttle = new LoginThrottle(database);
    const PUSHES_PER_DAY = 5;
    const before = await rowsOf(database, userId);
    let latest = before;
    for (let day = 0; day < 60; day++) {
      const now = START + day * DAY;
      for (let p = 0; p < PUSHES_PER_DAY; p++) {
        await pushChanges(
          database,
          userId,
          {
            protocolVersion: 1,
            deviceId: 'device1x',
            mutationId: randomUUID(),
            changes: [rating(1 + (p % 3), 1 + (day % 5), now + p)],
          },
          now + p,
        );
      }
      await createSession(database.db, userId, new Date(now));
      await throttle.reserve([`account:${userId}`, `address:10.9.${day}.1`], new Date(now));
      if (day % 7 === 0)
        await publishArtifacts(database, { catalog: randomBytes(64), model: randomBytes(64) });
      await sweepRetention(database, new Date(now));
      latest = await rowsOf(database, userId);
    }
    const windowDays = MUTATION_RETENTION_MS / DAY;
    expect(latest.mutations).toBeLessThanOrEqual((windowDays + 1) * PUSHES_PER_DAY);
    expect(latest.mutations).toBeGreaterThan(0);
    expect(latest.sessions).toBeLessThanOrEqual(SESSION_LIFETIME_MS / DAY + 1);
    // The account's key, and the addresses of the last 24 hours (older ones are forgotten).
    expect(latest.loginFailures - before.loginFailures).toBeLessThanOrEqual(3);
    expect(latest.artifacts).toBeLessThanOrEqual(2 * KEPT_ARTIFACT_VERSIONS);
    // What the manifest points to is never swept.
    const manifest = await latestManifest(database);
    expect(manifest).not.toBeNull();
  }, 120_000);

  it('a retry older than the window is applied again, changes nothing, and shows what won', async () => {
    const database = db();
    const userId = randomUUID();
    const first = {
      protocolVersion: 1,
      deviceId: 'device1x',
      mutationId: randomUUID(),
      changes: [rating(7, 4, START)],
    };
    await pushChanges(database, userId, first, START);
    await pushChanges(
      database,
      userId,
      { ...first, mutationId: randomUUID(), changes: [rating(7, 2, START + DAY)] },
      START + DAY,
    );
    await sweepRetention(database, new Date(START + 40 * DAY));
    const late = await pushChanges(database, userId, first, START + 40 * DAY);
    expect(late).toMatchObject({
      ok: true,
      response: { applied: 0, isReplay: false, superseded: [rating(7, 2, START + DAY)] },
    });
    const { changes } = await pullChanges(database, userId, { since: 0, limit: 10 });
    expect(changes).toEqual([rating(7, 2, START + DAY)]);
  });
});
