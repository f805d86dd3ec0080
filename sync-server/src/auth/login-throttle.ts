// Runs in Node. Growing delays after failed logins, per account and per address, kept in the
// database so that every server process sees the same counts.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { loginFailures } from '../db/schema';

/** Failures allowed before any delay. */
const FREE_FAILURES = 3;
const MAX_DELAY_SECONDS = 15 * 60;
/** Failures older than this are forgotten. */
const MEMORY_MS = 24 * 60 * 60 * 1000;

const hashKey = (key: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(key)));

/**
 * Counts failed logins per key. After FREE_FAILURES, each further failure doubles the wait:
 * 1 s, 2 s, 4 s … up to 15 minutes. A success clears the key.
 */
export class LoginThrottle {
  constructor(private readonly db: Db) {}

  /** Seconds to wait before every one of `keys` may try again; 0 when they may try now. */
  async retryAfter(keys: readonly string[], now = new Date()): Promise<number> {
    const rows = await this.db
      .select({ lockedUntil: loginFailures.lockedUntil })
      .from(loginFailures)
      .where(inArray(loginFailures.keyHash, keys.map(hashKey)));
    const until = Math.max(now.getTime(), ...rows.map((row) => row.lockedUntil.getTime()));
    return Math.ceil((until - now.getTime()) / 1000);
  }

  /** Counts one failure against each key, atomically, so concurrent failures all count. */
  async recordFailure(keys: readonly string[], now = new Date()): Promise<void> {
    const forgetBefore = new Date(now.getTime() - MEMORY_MS);
    await this.db.delete(loginFailures).where(lt(loginFailures.updatedAt, forgetBefore));
    const count = sql`${loginFailures.failures} + 1`;
    const nowSql = sql`${now.toISOString()}::timestamptz`;
    for (const key of keys) {
      await this.db
        .insert(loginFailures)
        .values({ keyHash: hashKey(key), failures: 1, lockedUntil: now, updatedAt: now })
        .onConflictDoUpdate({
          target: loginFailures.keyHash,
          set: {
            failures: count,
            lockedUntil: sql`case when ${count} > ${FREE_FAILURES}
              then ${nowSql} + least(power(2, ${count} - ${FREE_FAILURES + 1}), ${MAX_DELAY_SECONDS}) * interval '1 second'
              else ${nowSql} end`,
            updatedAt: now,
          },
        });
    }
  }

  async recordSuccess(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      await this.db.delete(loginFailures).where(eq(loginFailures.keyHash, hashKey(key)));
    }
  }
}
