// Runs in Node. POST/DELETE /api/contributions: anonymous, never linked to an account.
import { clientIdSchema, contributionSchema } from '@filmfold/model';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import { RateLimit } from '../http/rate-limit';
import { documented } from '../http/documented';
import { jsonInput, paramInput } from '../http/validate';
import { storeContribution, withdrawContribution } from '../services/contributions';

const storedSchema = z.object({ stored: z.number().int() });

/** Uploads per address per hour; the address is counted by its SHA-256 for the hour, never stored. */
const UPLOADS_PER_HOUR = 30;

export function contributionRoutes(database: Database, addressOf: (c: Context) => string) {
  const limit = new RateLimit(database, 'contributions', UPLOADS_PER_HOUR, 60 * 60 * 1000);
  const takeOrRefuse = async (key: string) => {
    const wait = await limit.take(key);
    if (wait > 0)
      throw new ApiError(
        429,
        'too_many_requests',
        `Too many contributions; try again in ${wait} s.`,
        { 'Retry-After': String(wait) },
      );
  };
  // The session (if a cookie came along anyway) is deliberately never read here.
  return new Hono()
    .post(
      '/contributions',
      documented({
        summary: 'Contribute ratings anonymously (no credentials)',
        ok: { status: 200, description: 'Stored', schema: storedSchema },
        errors: [400, 403, 413, 415, 429],
      }),
      async (c, next) => {
        await takeOrRefuse(addressOf(c));
        await next();
      },
      jsonInput(contributionSchema),
      async (c) => {
        const contribution = c.req.valid('json');
        return c.json(await storeContribution(database, contribution), 200);
      },
    )
    .delete(
      '/contributions/:contributorId',
      documented({
        summary: 'Withdraw a contribution',
        ok: { status: 204, description: 'Withdrawn' },
        errors: [400, 403, 429],
      }),
      async (c, next) => {
        await takeOrRefuse(addressOf(c));
        await next();
      },
      paramInput(z.object({ contributorId: clientIdSchema })),
      async (c) => {
        await withdrawContribution(database, c.req.valid('param').contributorId);
        return c.body(null, 204);
      },
    );
}
