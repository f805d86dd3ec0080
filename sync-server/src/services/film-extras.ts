// Runs in Node. What a film page asks for live, through the provider cache: the trailer, where to
// watch it in a region, and the IMDb, Rotten Tomatoes and Metacritic ratings. A provider that is
// down or not configured leaves its part empty and says so; it never fails the request.
import { z } from 'zod';
import type { Database } from '../db/database';
import type { MetadataProviders } from '../providers/providers';
import type { ProviderHealth } from '../providers/provider-fetch';
import type { FilmLink } from './catalog-links';
import { CACHE_TTL_MS, cachedFetch } from './provider-cache';

const watchProviderSchema = z.object({
  name: z.string(),
  /** A TMDB logo file, served by GET /api/posters/w92/{file}; null when TMDB has none. */
  logo: z.string().nullable(),
});
export type WatchProvider = z.infer<typeof watchProviderSchema>;

/** Per provider: answered, not configured, or unavailable right now. */
export const sourceStateSchema = z.enum(['ok', 'unconfigured', 'unavailable']);
export type SourceState = z.infer<typeof sourceStateSchema>;

export const filmExtrasSchema = z.object({
  movieId: z.number().int(),
  /** A YouTube trailer (embedded only when the person asks for it). */
  trailer: z.object({ site: z.literal('YouTube'), key: z.string(), name: z.string() }).nullable(),
  /** Offers in the asked region, as TMDB's data from JustWatch lists them. */
  watch: z
    .object({
      region: z.string(),
      link: z.string().nullable(),
      stream: z.array(watchProviderSchema),
      rent: z.array(watchProviderSchema),
      buy: z.array(watchProviderSchema),
    })
    .nullable(),
  /** Regions with any offer, for the region picker. */
  regions: z.array(z.string()),
  ratings: z
    .object({
      imdb: z.string().nullable(),
      rottenTomatoes: z.string().nullable(),
      metacritic: z.string().nullable(),
    })
    .nullable(),
  sources: z.object({ tmdb: sourceStateSchema, omdb: sourceStateSchema }),
});
export type FilmExtras = z.infer<typeof filmExtrasSchema>;

const stateOf = (health: ProviderHealth, ok: boolean): SourceState =>
  ok ? 'ok' : health.state === 'unconfigured' ? 'unconfigured' : 'unavailable';

export async function filmExtras(
  database: Database,
  providers: MetadataProviders,
  film: FilmLink,
  region: string,
): Promise<FilmExtras> {
  const { tmdb, omdb } = providers;
  const tmdbId = film.tmdbId;
  const imdbId = film.imdbId;
  const [videos, offers, ratings] = await Promise.all([
    tmdbId === null
      ? null
      : cachedFetch(database, `tmdb:videos:${tmdbId}`, CACHE_TTL_MS.videos, () =>
          tmdb.videos(tmdbId),
        ),
    tmdbId === null
      ? null
      : cachedFetch(database, `tmdb:providers:${tmdbId}`, CACHE_TTL_MS.providers, () =>
          tmdb.watchProviders(tmdbId),
        ),
    imdbId === null
      ? null
      : cachedFetch(database, `omdb:${imdbId}`, CACHE_TTL_MS.ratings, () => omdb.byImdbId(imdbId)),
  ]);
  const youtube = videos?.ok ? videos.value.results.filter((v) => v.site === 'YouTube') : [];
  const trailer =
    youtube.find((v) => v.type === 'Trailer' && v.official) ??
    youtube.find((v) => v.type === 'Trailer') ??
    youtube.find((v) => v.type === 'Teaser') ??
    null;
  const byRegion = offers?.ok ? offers.value.results : {};
  const here = byRegion[region];
  const list = (entries: { provider_name: string; logo_path?: string | null }[] | undefined) =>
    (entries ?? []).map((p) => ({ name: p.provider_name, logo: p.logo_path ?? null }));
  return {
    movieId: film.movieId,
    trailer: trailer ? { site: 'YouTube', key: trailer.key, name: trailer.name } : null,
    watch: here
      ? {
          region,
          link: here.link ?? null,
          stream: list(here.flatrate),
          rent: list(here.rent),
          buy: list(here.buy),
        }
      : null,
    regions: Object.keys(byRegion).sort(),
    ratings: ratings?.ok
      ? {
          imdb: ratings.value.imdb,
          rottenTomatoes: ratings.value.rottenTomatoes,
          metacritic: ratings.value.metacritic,
        }
      : null,
    sources: {
      // A film TMDB does not know is not an outage: the provider answered.
      tmdb: stateOf(
        tmdb.health(),
        tmdbId === null || !!videos?.ok || videos?.reason === 'not-found',
      ),
      omdb: stateOf(
        omdb.health(),
        imdbId === null || !!ratings?.ok || ratings?.reason === 'not-found',
      ),
    },
  };
}

/** TMDB's trending films that are in the catalog, as movie ids in TMDB's order. */
export async function trendingFilms(
  database: Database,
  providers: MetadataProviders,
  byTmdbId: ReadonlyMap<number, FilmLink>,
  window: 'day' | 'week',
): Promise<{ films: number[]; source: SourceState }> {
  const answer = await cachedFetch(database, `tmdb:trending:${window}`, CACHE_TTL_MS.trending, () =>
    providers.tmdb.trending(window),
  );
  if (!answer.ok) return { films: [], source: stateOf(providers.tmdb.health(), false) };
  const films = answer.value.results
    .map((item) => byTmdbId.get(item.id)?.movieId)
    .filter((id): id is number => id !== undefined);
  return { films, source: 'ok' };
}
