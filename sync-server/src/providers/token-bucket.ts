// Runs in Node. A token bucket (Turner 1986): at most `burst` requests at once, refilled at `rate`
// per second, so that a provider never sees more than its published limit from this server.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    /** Tokens added per second. */
    private readonly rate: number,
    /** Most tokens held (requests allowed back to back). */
    private readonly burst: number,
    private readonly clock: Clock = realClock,
  ) {
    this.tokens = burst;
    this.updatedAt = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rate);
    this.updatedAt = now;
  }

  /**
   * Resolves true when a request may go (callers are served in order), or false at once, using
   * nothing, when that would mean waiting longer than `maxWaitMs` (someone is waiting for a page).
   */
  take(maxWaitMs = Infinity): Promise<boolean> {
    const turn = this.queue.then(async () => {
      this.refill();
      if (this.tokens < 1) {
        const wait = ((1 - this.tokens) / this.rate) * 1000;
        if (wait > maxWaitMs) return false;
        await this.clock.sleep(wait);
        this.refill();
      }
      this.tokens -= 1;
      return true;
    });
    this.queue = turn.then(
      () => {},
      () => {},
    );
    return turn;
  }

  /** Holds every request back for `ms` (a provider's Retry-After). */
  pause(ms: number): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0) - (ms / 1000) * this.rate;
  }
}
