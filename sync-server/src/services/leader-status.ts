// Runs in Node. What the leading process (leadership.ts) tells the others through the database:
// who it is, since when, and how far enrichment from TMDB got. One row, rewritten every few seconds.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { leaderStatus } from '../db/schema';
import type { EnrichmentProgress } from './enrichment-runner';

/** How often the leader rewrites its row; a row much older than this has no leader behind it. */
export const LEADER_HEARTBEAT_MS = 2_000;

export interface LeaderStatus {
  /** "pid@host" of the leading process. */
  process: string;
  since: Date;
  heartbeat: Date;
  enrichment: EnrichmentProgress;
}

export async function writeLeaderStatus(database: Database, status: LeaderStatus): Promise<void> {
  const row = { id: 1, ...status };
  await database.db
    .insert(leaderStatus)
    .values(row)
    .onConflictDoUpdate({ target: leaderStatus.id, set: status });
}

/** The leader's latest row, or null when none was written. */
export async function readLeaderStatus(database: Database): Promise<LeaderStatus | null> {
  const [row] = await database.db.select().from(leaderStatus).where(eq(leaderStatus.id, 1));
  return row ? { ...row, enrichment: row.enrichment as EnrichmentProgress } : null;
}
