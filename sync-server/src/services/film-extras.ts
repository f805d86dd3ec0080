// Runs in Node. What a film page asks for live, through the provider cache: the trailer, where to
// watch it in a region, and the IMDb, Rotten Tomatoes and Metacritic ratings. A provider that is
// down or not configured leaves its part empty and says so; it never fails the request.
import type { Database } from '../db/database';
import type { ExternalRatings } from '../providers/omdb';
import type { MetadataProviders } from '../providers/providers';
import type { ProviderHealth } from '../providers/provider-fetch';
import type { FilmLink } from './catalog-links';
import { CACHE_TTL_MS, cachedFetch } from './provider-cache';

export interface WatchProvider {
  name: string;
  /** A TMDB logo file, served by GET /api/posters/w92/{file}; null when TMDB has none. */
  logo: string | null;
}

export interface FilmExtras {
  movieId: number;
  /** A YouTube trailer (embedded only when the person asks for it). */
  trailer: { site: 'YouTube'; key: string; name: string } | null;
  /** Offers in the asked region, as TMDB's data from JustWatch lists them. */
  watch: {
    region: string;
    link: string | null;
    stream: WatchProvider[];
    rent: WatchProvider[];
    buy: WatchProvider[];
  } | null;
  /** Regions with any offer, for the region picker. */
  regions: string[];
  ratings: Omit<ExternalRatings, 'plot'> | null;
  /** Per provider: answered, not configured, or unavailable right now. */
  sources: { tmdb: SourceState; omdb: SourceState };
}

export type SourceState = 'ok' | 'unconfigured' | 'unavailable';

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
