// Runs in Node. The TMDB v3 client: the calls the catalog needs, responses checked with zod and
// unknown fields tolerated. The key (a v4 read token, or a v3 key) stays on the server.
import { z } from 'zod';
import {
  type FetchPolicy,
  providerGet,
  type ProviderHealth,
  type ProviderResult,
} from './provider-fetch';

const person = z.looseObject({
  id: z.number(),
  name: z.string(),
  profile_path: z.string().nullable().optional(),
});
export const tmdbDetailsSchema = z.looseObject({
  id: z.number(),
  title: z.string(),
  overview: z.string().nullable().optional(),
  runtime: z.number().nullable().optional(),
  poster_path: z.string().nullable().optional(),
  release_date: z.string().nullable().optional(),
  imdb_id: z.string().nullable().optional(),
  genres: z.array(z.looseObject({ id: z.number(), name: z.string() })).optional(),
});
export const tmdbCreditsSchema = z.looseObject({
  cast: z.array(
    person.extend({ character: z.string().nullable().optional(), order: z.number().optional() }),
  ),
  crew: z.array(person.extend({ job: z.string(), department: z.string().optional() })),
});
export const tmdbVideosSchema = z.looseObject({
  results: z.array(
    z.looseObject({
      key: z.string(),
      site: z.string(),
      type: z.string(),
      name: z.string(),
      official: z.boolean().optional(),
    }),
  ),
});
const offer = z.array(
  z.looseObject({
    provider_id: z.number(),
    provider_name: z.string(),
    logo_path: z.string().nullable().optional(),
  }),
);
export const tmdbWatchProvidersSchema = z.looseObject({
  results: z.record(
    z.string(),
    z.looseObject({
      link: z.string().optional(),
      flatrate: offer.optional(),
      rent: offer.optional(),
      buy: offer.optional(),
    }),
  ),
});
export const tmdbKeywordsSchema = z.looseObject({
  keywords: z.array(z.looseObject({ id: z.number(), name: z.string() })),
});
/** Details with credits and keywords appended: what the enrichment job asks for, in one request. */
export const tmdbFilmSchema = tmdbDetailsSchema.extend({
  credits: tmdbCreditsSchema.optional(),
  keywords: tmdbKeywordsSchema.optional(),
});
export const tmdbExternalIdsSchema = z.looseObject({
  id: z.number(),
  imdb_id: z.string().nullable().optional(),
});
export const tmdbPersonListSchema = z.looseObject({
  results: z.array(
    person.extend({
      known_for_department: z.string().nullable().optional(),
      known_for: z.array(z.looseObject({ id: z.number() })).optional(),
    }),
  ),
});
const listItem = z.looseObject({
  id: z.number(),
  title: z.string().optional(),
  name: z.string().optional(),
  media_type: z.string().optional(),
  poster_path: z.string().nullable().optional(),
});
export const tmdbListSchema = z.looseObject({ results: z.array(listItem) });

export interface TmdbConfig {
  baseUrl: string;
  /** A v4 read access token (sent as a bearer token) or a v3 key (sent as api_key). */
  key: string;
}

export function createTmdbClient(config: TmdbConfig | null, policy: FetchPolicy) {
  let health: ProviderHealth = config ? { state: 'ok' } : { state: 'unconfigured' };
  const isV4Token = (key: string) => key.length > 40;

  async function get<S extends z.ZodType>(
    path: string,
    schema: S,
    query: Record<string, string> = {},
  ): Promise<ProviderResult<z.output<S>>> {
    if (!config) return { ok: false, reason: 'bad-key', message: 'No TMDB key is configured.' };
    const url = new URL(`${config.baseUrl.replace(/\/$/, '')}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (isV4Token(config.key)) headers.authorization = `Bearer ${config.key}`;
    else url.searchParams.set('api_key', config.key);
    const result = await providerGet(url, { headers }, schema, policy);
    if (result.ok) health = { state: 'ok', at: new Date().toISOString() };
    else if (result.reason !== 'not-found')
      health = { state: 'degraded', reason: result.reason, at: new Date().toISOString() };
    return result;
  }

  return {
    health: () => health,
    details: (id: number) => get(`/movie/${id}`, tmdbDetailsSchema),
    /** Details, credits and keywords in one request (TMDB's append_to_response). */
    film: (id: number) =>
      get(`/movie/${id}`, tmdbFilmSchema, { append_to_response: 'credits,keywords' }),
    externalIds: (id: number) => get(`/movie/${id}/external_ids`, tmdbExternalIdsSchema),
    searchPerson: (query: string) => get('/search/person', tmdbPersonListSchema, { query }),
    credits: (id: number) => get(`/movie/${id}/credits`, tmdbCreditsSchema),
    videos: (id: number) => get(`/movie/${id}/videos`, tmdbVideosSchema),
    watchProviders: (id: number) => get(`/movie/${id}/watch/providers`, tmdbWatchProvidersSchema),
    search: (query: string) => get('/search/movie', tmdbListSchema, { query }),
    trending: (window: 'day' | 'week') => get(`/trending/movie/${window}`, tmdbListSchema),
  };
}

export type TmdbClient = ReturnType<typeof createTmdbClient>;
