// Runs in Node. A fixed-window request limit per key, kept in memory only.

/** Allows `limit` requests per key per window; answers how long to wait when over. */
export class RateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds to wait, or 0 when this request may go ahead (and is counted). */
  take(key: string, now = Date.now()): number {
    this.sweep(now);
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    if (window.count >= this.limit) return Math.ceil((window.start + this.windowMs - now) / 1000);
    window.count++;
    return 0;
  }

  /** Keys being counted now; an ended window is forgotten within one window's time. */
  get size(): number {
    return this.windows.size;
  }

  /** Once per window, forgets every key whose window has ended, so the map cannot only grow. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}
