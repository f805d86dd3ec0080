// Runs in Node. Growing delays after failed logins, per account and per address, kept in the
// database so that every server process sees the same counts.
import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { loginFailures } from '../db/schema';
import { hashKey } from '../http/hash-key';

/** Wrong passwords per key that are checked at once; after them each one waits longer. */
export const DEFAULT_FREE_ATTEMPTS = 4;
const MAX_DELAY_SECONDS = 15 * 60;
/** Failures older than this are forgotten. */
export const LOGIN_FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Thrown inside the reservation's transaction to undo the keys already counted. */
class Locked extends Error {}

/**
 * Counts sign-in attempts per key. An attempt is reserved (counted as a failure) before the
 * password is checked, in one transaction that takes each key's row lock, so N attempts sent at
 * once count as N and at most `freeAttempts` of them reach the password hash. A success clears
 * the keys. After `freeAttempts` failures each further one doubles the wait: 1 s, 2 s, 4 s … up
 * to 15 minutes.
 */
export class LoginThrottle {
  constructor(
    private readonly database: Database,
    private readonly freeAttempts = DEFAULT_FREE_ATTEMPTS,
  ) {}

  /** Reserves one attempt on every key, or none when any key must wait. */
  async reserve(keys: readonly string[], now = new Date()): Promise<Reservation> {
    // Always the same order, so two attempts never wait on each other's locks in a cycle.
    const hashes = [...new Set(keys.map(hashKey))].sort();
    const nowSql = sql`${now.toISOString()}::timestamptz`;
    const forgetBefore = sql`${new Date(now.getTime() - LOGIN_FAILURE_MEMORY_MS).toISOString()}::timestamptz`;
    const count = sql`case when ${loginFailures.updatedAt} < ${forgetBefore} then 1 else ${loginFailures.failures} + 1 end`;
    try {
      await this.database.transaction(async (tx) => {
        for (const keyHash of hashes) {
          const counted = await tx
            .insert(loginFailures)
            .values({
              keyHash,
              failures: 1,
              lockedUntil: this.freeAttempts <= 1 ? new Date(now.getTime() + 1000) : now,
              updatedAt: now,
            })
            .onConflictDoUpdate({
              target: loginFailures.keyHash,
              set: {
                failures: count,
                lockedUntil: sql`case when ${count} >= ${this.freeAttempts}
                  then ${nowSql} + least(power(2, ${count} - ${this.freeAttempts}), ${MAX_DELAY_SECONDS}) * interval '1 second'
                  else ${nowSql} end`,
                updatedAt: now,
              },
              // Evaluated on the row as the last attempt left it: a locked key takes no attempt.
              setWhere: sql`${loginFailures.lockedUntil} <= ${nowSql}`,
            })
            .returning({ keyHash: loginFailures.keyHash });
          if (counted.length === 0) throw new Locked();
        }
      });
      return { ok: true };
    } catch (err) {
      if (!(err instanceof Locked)) throw err;
      const rows = await this.database.db
        .select({ lockedUntil: loginFailures.lockedUntil })
        .from(loginFailures)
        .where(inArray(loginFailures.keyHash, hashes));
      const until = Math.max(now.getTime() + 1000, ...rows.map((r) => r.lockedUntil.getTime()));
      return { ok: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
    }
  }

  /** A right password: the keys start again from nothing. */
  async recordSuccess(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      await this.database.db.delete(loginFailures).where(eq(loginFailures.keyHash, hashKey(key)));
    }
  }

  /** Forgets failures older than a day; run by the retention sweep. Returns how many went. */
  async forgetOld(now = new Date()): Promise<number> {
    const gone = await this.database.db
      .delete(loginFailures)
      .where(lt(loginFailures.updatedAt, new Date(now.getTime() - LOGIN_FAILURE_MEMORY_MS)))
      .returning({ keyHash: loginFailures.keyHash });
    return gone.length;
  }
}
