// Runs in Node. Growing delays after failed logins, per account and per address.

/** Failures allowed before any delay. */
const FREE_FAILURES = 3;
const MAX_DELAY_SECONDS = 15 * 60;

/**
 * Counts failed logins per key (an email, an IP address). After FREE_FAILURES, each further
 * failure doubles the wait: 1 s, 2 s, 4 s … up to 15 minutes. A success clears the key.
 * In memory: several server processes each keep their own counts.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  /** Seconds to wait before `key` may try again; 0 when it may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const entry = this.failures.get(key);
    return entry && entry.lockedUntil > now ? Math.ceil((entry.lockedUntil - now) / 1000) : 0;
  }

  recordFailure(key: string, now = Date.now()): void {
    const entry = this.failures.get(key) ?? { count: 0, lockedUntil: 0 };
    entry.count++;
    const over = entry.count - FREE_FAILURES;
    entry.lockedUntil = over > 0 ? now + Math.min(2 ** (over - 1), MAX_DELAY_SECONDS) * 1000 : 0;
    this.failures.set(key, entry);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }
}
