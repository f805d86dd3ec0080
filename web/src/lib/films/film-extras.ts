// Runs in the browser. A film's live extras (trailer, where to watch, outside ratings) and the
// trending shelf, from the sync server; the service worker keeps the last answers for offline use.
import type { InferResponseType } from 'hono/client';
import { apiClient } from '$lib/api/client';

const client = () => apiClient();
type ExtrasEndpoint = ReturnType<typeof client>['api']['films'][':movieId']['extras']['$get'];
export type FilmExtras = InferResponseType<ExtrasEndpoint, 200>;

export type Fetched<T> = { ok: true; value: T } | { ok: false; reason: 'offline' | 'unavailable' };

export async function fetchFilmExtras(
  movieId: number,
  region: string,
): Promise<Fetched<FilmExtras>> {
  try {
    const res = await client().api.films[':movieId'].extras.$get({
      param: { movieId: String(movieId) },
      query: { region },
    });
    if (res.status !== 200) return { ok: false, reason: 'unavailable' };
    return { ok: true, value: await res.json() };
  } catch {
    // fetch rejects only when no answer came at all (and the service worker had none kept).
    return { ok: false, reason: 'offline' };
  }
}

/** Movie ids of TMDB's trending films that this catalog has, or none when that cannot be known. */
export async function fetchTrending(window: 'day' | 'week'): Promise<Fetched<number[]>> {
  try {
    const res = await client().api.trending.$get({ query: { window } });
    if (res.status !== 200) return { ok: false, reason: 'unavailable' };
    const body = await res.json();
    return body.source === 'ok'
      ? { ok: true, value: body.films }
      : { ok: false, reason: 'unavailable' };
  } catch {
    return { ok: false, reason: 'offline' };
  }
}

/** The person's region for "where to watch": the saved choice, else the browser's language tag. */
export function regionOfLanguage(language: string | undefined): string {
  const region = language ? new Intl.Locale(language).maximize().region : undefined;
  return region && /^[A-Z]{2}$/.test(region) ? region : 'US';
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
export const regionName = (code: string) => regionNames.of(code) ?? code;

/** "2 h 28 min" from minutes. */
export function formatRuntime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours ? `${hours} h${rest ? ` ${rest} min` : ''}` : `${rest} min`;
}
