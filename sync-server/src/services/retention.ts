// Runs in Node. What the server keeps, and for how long: nothing it stores only grows.
import { and, desc, eq, lt, notInArray } from 'drizzle-orm';
import { LoginThrottle } from '../auth/login-throttle';
import type { Database } from '../db/database';
import { describeServerError } from '../errors';
import { artifacts, rateWindows, sessions, syncMutations } from '../db/schema';
import { RATE_WINDOW_MEMORY_MS } from '../http/rate-limit';

/**
 * How long a push's mutation id is remembered. A retry within it is answered as a replay; one
 * later is applied again, which changes nothing (every cell keeps its newest clock) and is
 * answered from the cells' current state.
 */
export const MUTATION_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** Artifact versions kept per kind besides the ones the manifest points to. */
export const KEPT_ARTIFACT_VERSIONS = 3;
/** How often the sweep runs in a server process. */
export const RETENTION_SWEEP_MS = 60 * 60 * 1000;

export interface SweepCounts {
  mutations: number;
  sessions: number;
  loginFailures: number;
  rateWindows: number;
  artifacts: number;
}

/** Deletes what is past its window; returns how many rows of each kind went. */
export async function sweepRetention(database: Database, now = new Date()): Promise<SweepCounts> {
  const { db } = database;
  const mutations = await db
    .delete(syncMutations)
    .where(lt(syncMutations.createdAt, new Date(now.getTime() - MUTATION_RETENTION_MS)))
    .returning({ id: syncMutations.mutationId });
  const expired = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, now))
    .returning({ id: sessions.id });
  const loginFailures = await new LoginThrottle(database).forgetOld(now);
  const rateWindowsGone = await db
    .delete(rateWindows)
    .where(lt(rateWindows.start, new Date(now.getTime() - RATE_WINDOW_MEMORY_MS)))
    .returning({ key: rateWindows.key });
  let artifactCount = 0;
  for (const kind of ['catalog', 'model']) {
    const newest = await db
      .select({ version: artifacts.version })
      .from(artifacts)
      .where(eq(artifacts.kind, kind))
      .orderBy(desc(artifacts.createdAt), desc(artifacts.version))
      .limit(KEPT_ARTIFACT_VERSIONS);
    if (newest.length < KEPT_ARTIFACT_VERSIONS) continue;
    const gone = await db
      .delete(artifacts)
      .where(
        and(
          eq(artifacts.kind, kind),
          eq(artifacts.isCurrent, false),
          notInArray(
            artifacts.version,
            newest.map((row) => row.version),
          ),
        ),
      )
      .returning({ version: artifacts.version });
    artifactCount += gone.length;
  }
  return {
    mutations: mutations.length,
    sessions: expired.length,
    loginFailures,
    rateWindows: rateWindowsGone.length,
    artifacts: artifactCount,
  };
}

/** Runs the sweep now and every RETENTION_SWEEP_MS; returns a stop function. */
export function scheduleRetention(database: Database, log: (line: string) => void): () => void {
  const run = () =>
    sweepRetention(database).then(
      (counts) => {
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        if (total > 0) log(`Retention: removed ${JSON.stringify(counts)}`);
      },
      (err: unknown) => log(`Retention sweep failed: ${describeServerError(err)}`),
    );
  void run();
  const timer = setInterval(() => void run(), RETENTION_SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
