// Runs in Node. Poster images: fetched from TMDB once per size, kept in the database, and served
// as immutable files so that the PWA (and its service worker) can keep them for offline use.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { posterImages } from '../db/schema';
import type { TokenBucket } from '../providers/token-bucket';

/** w92 for provider logos, w185 for the grid, w500 for the film page. */
export const POSTER_SIZES = ['w92', 'w185', 'w500'] as const;
export type PosterSize = (typeof POSTER_SIZES)[number];

/** TMDB image file names: letters and digits with a jpg or png extension. */
export const POSTER_FILE = /^[A-Za-z0-9]{10,64}\.(jpg|png)$/;

export type PosterResult =
  | { ok: true; bytes: Uint8Array; contentType: string }
  | { ok: false; reason: 'not-found' | 'unavailable' };

export interface PosterSource {
  baseUrl: string;
  bucket: TokenBucket;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** A poster from the database, or fetched from TMDB and stored. */
export async function posterImage(
  database: Database,
  source: PosterSource,
  size: PosterSize,
  file: string,
): Promise<PosterResult> {
  const [row] = await database.db
    .select()
    .from(posterImages)
    .where(and(eq(posterImages.size, size), eq(posterImages.file, file)));
  if (row) return { ok: true, bytes: row.bytes, contentType: row.contentType };
  await source.bucket.take();
  let res: Response;
  try {
    res = await (source.fetch ?? fetch)(`${source.baseUrl.replace(/\/$/, '')}/${size}/${file}`, {
      signal: AbortSignal.timeout(source.timeoutMs),
    });
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  if (res.status === 404) return { ok: false, reason: 'not-found' };
  const contentType = res.headers.get('content-type') ?? '';
  if (!res.ok || !/^image\/(jpeg|png)$/.test(contentType)) {
    await res.body?.cancel();
    return { ok: false, reason: 'unavailable' };
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  await database.db
    .insert(posterImages)
    .values({ size, file, contentType, bytes, fetchedAt: new Date() })
    .onConflictDoNothing();
  return { ok: true, bytes, contentType };
}
