// Runs in Node. The server's tables (drizzle-orm, PostgreSQL dialect: PGlite or PostgreSQL).
import {
  bigint,
  boolean,
  customType,
  date,
  integer,
  real,
  index,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** Accounts: an email (lower-cased) and an argon2id password hash. */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Sessions as in the Lucia guide: the token is `<id>.<secret>`; only the SHA-256 of the secret is
 * stored, and compared in constant time.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Orders every accepted change; a device's pull cursor is a value of this sequence. */
export const syncSequence = pgSequence('sync_seq');

/**
 * A person's synced records as last-writer-wins cells: one row per (user, kind, key), holding the
 * newest value by hybrid logical clock (null: deleted) and the sequence number of that write.
 */
export const syncCells = pgTable(
  'sync_cells',
  {
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    value: jsonb('value'),
    /** HLC text; compared with COLLATE "C" so that byte order is clock order. */
    hlc: text('hlc').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind, t.key] }),
    index('sync_cells_user_seq').on(t.userId, t.seq),
  ],
);

/** Pushes already applied, so that a retried push changes nothing. */
export const syncMutations = pgTable(
  'sync_mutations',
  {
    userId: text('user_id').notNull(),
    deviceId: text('device_id').notNull(),
    mutationId: text('mutation_id').notNull(),
    applied: bigint('applied', { mode: 'number' }).notNull(),
    cursor: bigint('cursor', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceId, t.mutationId] })],
);

/**
 * Ratings contributed anonymously for training the shared model. Keyed by a random contributor id
 * made on the device; no account, session or address is stored, and dates are whole days.
 */
export const contributions = pgTable(
  'contributions',
  {
    contributorId: text('contributor_id').notNull(),
    movieId: integer('movie_id').notNull(),
    rating: real('rating').notNull(),
    ratedOn: date('rated_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contributorId, t.movieId] }),
    index('contributions_movie').on(t.movieId),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Published artifacts (the catalog and the model snapshot), immutable once written. Kept in the
 * database so that every server process serves the same ones; `isCurrent` marks what "latest"
 * points to, switched in one transaction.
 */
export const artifacts = pgTable(
  'artifacts',
  {
    kind: text('kind').notNull(),
    version: text('version').notNull(),
    sha256: text('sha256').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    isCurrent: boolean('is_current').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.version] })],
);

/**
 * Failed sign-ins per key (an account's email, a client address), shared by every server process.
 * Keys are stored as their SHA-256 only; a success or a day without failures forgets them.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    keyHash: text('key_hash').primaryKey(),
    failures: integer('failures').notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_failures_updated').on(t.updatedAt)],
);

/**
 * Provider responses (TMDB, OMDb) by request key, with when they were fetched and until when they
 * are fresh; a stale entry is still served while a newer one is fetched.
 */
export const providerCache = pgTable(
  'provider_cache',
  {
    key: text('key').primaryKey(),
    body: jsonb('body').notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull(),
    freshUntil: timestamp('fresh_until', { withTimezone: true }).notNull(),
  },
  (t) => [index('provider_cache_fresh').on(t.freshUntil)],
);

/** What TMDB told us about a catalog film; a row means the film is done (the job resumes after it). */
export const filmMetadata = pgTable('film_metadata', {
  movieId: integer('movie_id').primaryKey(),
  tmdbId: integer('tmdb_id'),
  posterPath: text('poster_path'),
  overview: text('overview'),
  runtime: integer('runtime'),
  directors: jsonb('directors').$type<string[]>().notNull(),
  cast: jsonb('cast').$type<string[]>().notNull(),
  keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
  enrichedAt: timestamp('enriched_at', { withTimezone: true }).notNull(),
});

/** Poster images fetched from TMDB once and served from here, immutable, in the sizes the app uses. */
export const posterImages = pgTable(
  'poster_images',
  {
    size: text('size').notNull(),
    file: text('file').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.size, t.file] })],
);

/**
 * What the process that leads (services/leadership.ts) tells the others: who it is, since when,
 * and how far enrichment got (GET /api/health answers it from any process). One row.
 */
export const leaderStatus = pgTable('leader_status', {
  id: integer('id').primaryKey().default(1),
  process: text('process').notNull(),
  since: timestamp('since', { withTimezone: true }).notNull(),
  heartbeat: timestamp('heartbeat', { withTimezone: true }).notNull(),
  enrichment: jsonb('enrichment').notNull(),
});

/** Request counts per key in fixed windows, shared by every server process (http/rate-limit.ts). */
export const rateWindows = pgTable('rate_windows', {
  key: text('key').primaryKey(),
  start: timestamp('start', { withTimezone: true, mode: 'date' }).notNull(),
  count: integer('count').notNull(),
});
