// Runs in Node. The OMDb client: by IMDb id, the IMDb, Rotten Tomatoes and Metacritic ratings and
// the plot. OMDb answers 200 with {"Response":"False"} for unknown ids; that becomes not-found.
import { z } from 'zod';
import {
  type FetchPolicy,
  providerGet,
  type ProviderHealth,
  type ProviderResult,
} from './provider-fetch';

export const omdbMovieSchema = z.looseObject({
  Response: z.literal('True'),
  imdbID: z.string(),
  Title: z.string(),
  Plot: z.string().optional(),
  imdbRating: z.string().optional(),
  Metascore: z.string().optional(),
  Ratings: z.array(z.looseObject({ Source: z.string(), Value: z.string() })).optional(),
});
const omdbAnswerSchema = z.union([
  omdbMovieSchema,
  z.looseObject({ Response: z.literal('False'), Error: z.string() }),
]);

export interface ExternalRatings {
  imdb: string | null;
  rottenTomatoes: string | null;
  metacritic: string | null;
  plot: string | null;
}

/** The three ratings as OMDb spells them ("8.8/10", "87%", "66/100"), N/A as null. */
export function externalRatingsOf(movie: z.infer<typeof omdbMovieSchema>): ExternalRatings {
  const known = (value: string | undefined) => (value && value !== 'N/A' ? value : null);
  const source = (name: string) => known(movie.Ratings?.find((r) => r.Source === name)?.Value);
  return {
    imdb:
      source('Internet Movie Database') ??
      (known(movie.imdbRating) ? `${movie.imdbRating}/10` : null),
    rottenTomatoes: source('Rotten Tomatoes'),
    metacritic: source('Metacritic') ?? (known(movie.Metascore) ? `${movie.Metascore}/100` : null),
    plot: known(movie.Plot),
  };
}

export function createOmdbClient(
  config: { baseUrl: string; key: string } | null,
  policy: FetchPolicy,
) {
  let health: ProviderHealth = config ? { state: 'ok' } : { state: 'unconfigured' };
  return {
    health: () => health,
    async byImdbId(imdbId: string): Promise<ProviderResult<ExternalRatings>> {
      if (!config) return { ok: false, reason: 'bad-key', message: 'No OMDb key is configured.' };
      const url = new URL(config.baseUrl);
      url.searchParams.set('i', imdbId);
      url.searchParams.set('apikey', config.key);
      const result = await providerGet(url, {}, omdbAnswerSchema, policy);
      const at = new Date().toISOString();
      if (!result.ok) {
        health = { state: 'degraded', reason: result.reason, at };
        return result;
      }
      health = { state: 'ok', at };
      if (result.value.Response === 'False')
        return { ok: false, reason: 'not-found', message: String(result.value.Error) };
      return {
        ok: true,
        value: externalRatingsOf(result.value as z.infer<typeof omdbMovieSchema>),
      };
    },
  };
}

export type OmdbClient = ReturnType<typeof createOmdbClient>;
