// Runs in Node. POST /api/ask: a request in words, answered with the device's parser and answer
// over the published catalog and shared model, for API clients. Public and throttled per address;
// the ratings sent rank this answer only and are never stored or logged.
import { ASK_INTENTS, askContextSchema, understoodSchema } from '@filmfold/model/ask';
import { movieIdSchema } from '@filmfold/model';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/database';
import { ApiError, notReady } from '../errors';
import { documented } from '../http/documented';
import { RateLimit } from '../http/rate-limit';
import { jsonInput } from '../http/validate';
import type { MetadataProviders } from '../providers/providers';
import { answerAsk, askState } from '../services/ask';
import { catalogLinks } from '../services/catalog-links';
import { trendingFilms } from '../services/film-extras';

const askBodySchema = z.object({
  message: z.string().trim().min(1, 'Say what you are looking for.').max(1000),
  /** The previous answer's `understood`, for a follow-up. */
  context: understoodSchema.optional(),
  /** The previous answer's films in order, for "the second one". */
  shown: z.array(movieIdSchema).max(50).optional(),
  /** Used for this answer only; never stored or logged. */
  ratings: z
    .array(z.object({ movieId: movieIdSchema, rating: z.number().min(0.5).max(5).multipleOf(0.5) }))
    .max(5000)
    .optional(),
});

const askAnswerSchema = z.object({
  intent: z.enum(ASK_INTENTS),
  understood: understoodSchema,
  reply: z.string(),
  films: z.array(
    z.object({
      movieId: z.number().int(),
      title: z.string(),
      year: z.number().int().nullable(),
      reason: z.string(),
    }),
  ),
});

/** Requests per address per minute: each one parses and ranks the whole catalog. */
const ASKS_PER_MINUTE = 60;

export function askRoutes(
  database: Database,
  addressOf: (c: Context) => string,
  providers?: MetadataProviders,
) {
  const limit = new RateLimit(database, 'ask', ASKS_PER_MINUTE, 60 * 1000);
  return new Hono().post(
    '/ask',
    documented({
      summary:
        'Ask for films in words ("90s comedies with Tom Hanks"): what was understood, a reply, and films ranked by the ratings sent (used for this answer only) or by how well liked they are',
      ok: { status: 200, description: 'The answer', schema: askAnswerSchema },
      errors: [400, 403, 413, 415, 429, 503],
    }),
    async (c, next) => {
      const wait = await limit.take(addressOf(c));
      if (wait > 0)
        throw new ApiError(429, 'too_many_requests', `Too many requests; try again in ${wait} s.`, {
          'Retry-After': String(wait),
        });
      await next();
    },
    jsonInput(askBodySchema),
    async (c) => {
      const state = await askState(database);
      if (!state) throw notReady();
      const body = c.req.valid('json');
      const trending = async () => {
        const links = providers ? await catalogLinks(database) : null;
        return providers && links
          ? (await trendingFilms(database, providers, links.byTmdbId, 'week')).films
          : [];
      };
      const context = body.context
        ? askContextSchema.parse({ understood: body.context, shown: body.shown })
        : undefined;
      const answer = await answerAsk(state, {
        message: body.message,
        trending,
        ...(context ? { context } : {}),
        ...(body.ratings ? { ratings: body.ratings } : {}),
      });
      const { intent, understood, reply, films } = answer;
      return c.json({ intent, understood, reply, films }, 200);
    },
  );
}
