// Runs in the browser. Posters for the PDF from what the device already holds: the service
// worker's poster cache. Nothing is fetched for the report, so it works offline and tells no
// server which films are in it.
import type { CatalogMovie } from '@filmfold/model';
import { POSTER_CACHE, posterUrl } from '$lib/posters/poster-cache';
import { type PosterImage, posterFormat } from './pdf-draw';

/** The cached posters of `movieIds`, as grids and lists load them (w185). */
export async function cachedPosters(
  movieIds: readonly number[],
  films: ReadonlyMap<number, Pick<CatalogMovie, 'posterPath'>>,
): Promise<Map<number, PosterImage>> {
  const posters = new Map<number, PosterImage>();
  if (typeof caches === 'undefined' || !(await caches.has(POSTER_CACHE))) return posters;
  const cache = await caches.open(POSTER_CACHE);
  for (const movieId of movieIds) {
    const path = films.get(movieId)?.posterPath;
    if (!path) continue;
    const response = await cache.match(posterUrl('w185', path));
    if (!response?.ok) continue;
    const data = new Uint8Array(await response.arrayBuffer());
    const format = posterFormat(data);
    if (format) posters.set(movieId, { data, format });
  }
  return posters;
}
