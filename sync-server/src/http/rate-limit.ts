// Runs in Node. A fixed-window request limit per key, counted in the database so that every
// server process behind a proxy shares one count (rate_windows, keys as their SHA-256 only;
// retention sweeps ended windows).
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { hashKey } from './hash-key';

/** Windows older than this are swept (the longest window is an hour). */
export const RATE_WINDOW_MEMORY_MS = 2 * 60 * 60 * 1000;

/** Allows `limit` requests per key per window; answers how long to wait when over. */
export class RateLimit {
  constructor(
    private readonly database: Database,
    /** Names this limit's keys apart from other limits'. */
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds to wait, or 0 when this request may go ahead. Counted in one statement. */
  async take(key: string, now = Date.now()): Promise<number> {
    const at = new Date(now).toISOString();
    const [row] = await this.database.rows<{ startMs: number; count: number }>(sql`
      insert into rate_windows as w (key, start, count)
        values (${`${this.name}:${hashKey(key)}`}, ${at}::timestamptz, 1)
      on conflict (key) do update set
        start = case when w.start <= excluded.start - ${this.windowMs} * interval '1 millisecond'
          then excluded.start else w.start end,
        count = case when w.start <= excluded.start - ${this.windowMs} * interval '1 millisecond'
          then 1 else w.count + 1 end
      returning (extract(epoch from start) * 1000)::float8 as "startMs", count`);
    if (row!.count <= this.limit) return 0;
    return Math.max(1, Math.ceil((row!.startMs + this.windowMs - now) / 1000));
  }
}
