// Runs in browser, worker and Node. The sync contract between a device and the server.
import { z } from 'zod';
import { favouriteSchema } from '../schemas/favourite';
import { feedbackSchema } from '../schemas/feedback';
import { ratingSchema } from '../schemas/rating';
import { viewingEntrySchema } from '../schemas/viewing';
import { watchlistEntrySchema } from '../schemas/watchlist';
import { DIGEST_BUCKETS } from './cell-digest';
import { hlcStringSchema } from './hlc';

/** Bumped on any incompatible change; the server answers an older client "update required". */
export const SYNC_PROTOCOL_VERSION = 1;

/** Changes one push may carry. */
export const MAX_CHANGES_PER_PUSH = 1000;

export const RECORD_KINDS = ['rating', 'watchlist', 'favourite', 'viewing', 'feedback'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Device and mutation ids: made on the device, random, URL-safe. */
export const clientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'An id is 8-64 letters, digits, _ or -.');

const movieKey = z.string().regex(/^[1-9]\d{0,9}$/, 'The key of this record is its movie id.');

/**
 * One last-writer-wins cell: (kind, key) with the value as of `hlc`; a null value is a
 * tombstone (the record was deleted). Ratings, watchlist entries, favourites and feedback are keyed by movie
 * id (one per film); diary entries by their own id, because a film may be watched many times.
 */
export const changeSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('rating'),
      key: movieKey,
      value: ratingSchema.nullable(),
      hlc: hlcStringSchema,
    }),
    z.object({
      kind: z.literal('watchlist'),
      key: movieKey,
      value: watchlistEntrySchema.nullable(),
      hlc: hlcStringSchema,
    }),
    z.object({
      kind: z.literal('favourite'),
      key: movieKey,
      value: favouriteSchema.nullable(),
      hlc: hlcStringSchema,
    }),
    z.object({
      kind: z.literal('feedback'),
      key: movieKey,
      value: feedbackSchema.nullable(),
      hlc: hlcStringSchema,
    }),
    z.object({
      kind: z.literal('viewing'),
      key: clientIdSchema,
      value: viewingEntrySchema.nullable(),
      hlc: hlcStringSchema,
    }),
  ])
  .refine(
    (change) =>
      change.value === null ||
      change.key === (change.kind === 'viewing' ? change.value.id : String(change.value.movieId)),
    {
      message: "A change's key must match its value (the movie id, or the diary entry's id).",
      path: ['key'],
    },
  );
export type Change = z.infer<typeof changeSchema>;

export const pushRequestSchema = z.object({
  protocolVersion: z.number().int(),
  deviceId: clientIdSchema,
  /** Unique per push from a device: a retried push reuses it, and the server applies it once. */
  mutationId: clientIdSchema,
  changes: z
    .array(changeSchema)
    .max(MAX_CHANGES_PER_PUSH, `A push carries at most ${MAX_CHANGES_PER_PUSH} changes.`),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** The server's position in a user's change log; a device pulls what came after its cursor. */
export const cursorSchema = z.coerce.number().int().nonnegative();

export const pushResponseSchema = z.object({
  /** Changes that won (newer than what the server had); replays and older changes do not. */
  applied: z.number().int().nonnegative(),
  /** True when this mutation id had been applied before and nothing was done now. */
  isReplay: z.boolean(),
  cursor: z.number().int().nonnegative(),
  /**
   * The server's value of every pushed cell where a newer change than the pushed one is held:
   * the device applies them, so that a change that lost never leaves the device showing it.
   */
  superseded: z.array(changeSchema),
  /** The server's clock (Unix milliseconds), so that a device with a wrong clock can correct it. */
  serverTime: z.number().int(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.object({
  protocolVersion: z.coerce.number().int(),
  since: cursorSchema.default(0),
  limit: z.coerce.number().int().min(1).max(MAX_CHANGES_PER_PUSH).default(500),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** Pass this as `since` next time. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** The server's clock (Unix milliseconds). */
  serverTime: z.number().int(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** A digest of a person's cells: DIGEST_BUCKETS hex strings (see cell-digest.ts). */
export const digestSchema = z
  .array(z.string().regex(/^[0-9a-f]{16}$/, 'A bucket digest is 16 hex digits.'))
  .length(DIGEST_BUCKETS, `A digest has ${DIGEST_BUCKETS} buckets.`);

export const digestQuerySchema = z.object({ protocolVersion: z.coerce.number().int() });

export const digestResponseSchema = z.object({
  digest: digestSchema,
  /** How many cells (tombstones included) the digest covers. */
  cells: z.number().int().nonnegative(),
  /** The change log position the digest was taken at: compare only when the device is there too. */
  cursor: z.number().int().nonnegative(),
  serverTime: z.number().int(),
});
export type DigestResponse = z.infer<typeof digestResponseSchema>;

export const cellsQuerySchema = z.object({
  protocolVersion: z.coerce.number().int(),
  /** Comma-separated bucket numbers, e.g. `3,17`. */
  buckets: z
    .string()
    .regex(/^\d{1,2}(,\d{1,2}){0,63}$/, 'buckets is a comma-separated list of bucket numbers.')
    .transform((text) => [...new Set(text.split(',').map(Number))])
    .refine((buckets) => buckets.every((b) => b < DIGEST_BUCKETS), {
      message: `Buckets are numbered 0 to ${DIGEST_BUCKETS - 1}.`,
    }),
});
export type CellsQuery = z.infer<typeof cellsQuerySchema>;

export const cellsResponseSchema = z.object({
  /** Every cell the server holds in the asked buckets, tombstones included. */
  changes: z.array(changeSchema),
  cursor: z.number().int().nonnegative(),
  serverTime: z.number().int(),
});
export type CellsResponse = z.infer<typeof cellsResponseSchema>;
