// Runs in Node. Provider responses kept in the database: fresh ones are served without asking the
// provider; stale ones are served at once while a newer one is fetched (stale-while-revalidate).
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { providerCache } from '../db/schema';
import type { ProviderResult } from '../providers/provider-fetch';

const HOUR = 60 * 60 * 1000;

/**
 * How long each kind of answer stays fresh. Film details and credits are not here: the enrichment
 * job keeps them in film_metadata.
 */
export const CACHE_TTL_MS = {
  videos: 24 * HOUR,
  ratings: 24 * HOUR,
  providers: 6 * HOUR,
  trending: 1 * HOUR,
} as const;

export type Cached<T> = ProviderResult<T> & { source?: 'cache' | 'stale' | 'provider' };

const revalidating = new Map<string, Promise<void>>();

/** Waits for background revalidations (tests, and shutdown). */
export async function settleRevalidations(): Promise<void> {
  await Promise.all(revalidating.values());
}

async function store(database: Database, key: string, body: unknown, ttlMs: number, now: Date) {
  const row = { key, body, fetchedAt: now, freshUntil: new Date(now.getTime() + ttlMs) };
  await database.db
    .insert(providerCache)
    .values(row)
    .onConflictDoUpdate({ target: providerCache.key, set: row });
}

/**
 * The answer for `key`: from the cache while fresh (no provider request), stale while a refresh
 * runs in the background, or from the provider (stored only when it succeeded).
 */
export async function cachedFetch<T>(
  database: Database,
  key: string,
  ttlMs: number,
  fetchFresh: () => Promise<ProviderResult<T>>,
  now = new Date(),
): Promise<Cached<T>> {
  const [row] = await database.db.select().from(providerCache).where(eq(providerCache.key, key));
  if (row && row.freshUntil.getTime() > now.getTime()) {
    return { ok: true, value: row.body as T, source: 'cache' };
  }
  if (row) {
    if (!revalidating.has(key)) {
      const refresh = fetchFresh()
        .then(async (result) => {
          if (result.ok) await store(database, key, result.value, ttlMs, new Date());
        })
        .catch((err: unknown) => console.error(`Refreshing ${key} failed:`, err))
        .finally(() => revalidating.delete(key));
      revalidating.set(key, refresh);
    }
    return { ok: true, value: row.body as T, source: 'stale' };
  }
  const result = await fetchFresh();
  if (result.ok) await store(database, key, result.value, ttlMs, now);
  return { ...result, source: 'provider' };
}
