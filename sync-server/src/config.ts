// Runs in Node. The only file that reads process.env: parsed once at boot.
import { z } from 'zod';
import { DEFAULT_FREE_ATTEMPTS } from './auth/login-throttle';
import { trustProxySchema } from './http/client-address';
import { defaultDataDir, defaultWebDir } from './paths';

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  /** The built PWA (web/build) that the server serves beside the API. */
  WEB_DIR: z.string().min(1).default(defaultWebDir),
  /** postgres://… to use PostgreSQL; unset keeps the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL.')
    .optional(),
  /** A local MovieLens folder or zip to start from; unset downloads MOVIELENS_ARCHIVE, verified. */
  MOVIELENS: z.string().min(1).optional(),
  MOVIELENS_ARCHIVE: z.string().min(1).default('ml-latest-small'),
  /** Hours between scheduled retrainings (in a worker thread); 0 turns the schedule off. */
  RETRAIN_HOURS: z.coerce.number().min(0).default(24),
  /** Threads the shared model trains on (at a lower priority than requests); unset: every core. */
  TRAIN_THREADS: z.coerce.number().int().min(1).max(256).optional(),
  /** A film enters the collaborative model only with this many distinct raters. */
  MIN_RATERS: z.coerce.number().int().min(1).default(20),
  /** Where the embedded database and downloads live. */
  DATA_DIR: z.string().min(1).default(defaultDataDir),
  /** TMDB: a v4 read access token or a v3 API key. Unset: no posters, cast or providers. */
  TMDB_KEY: z.string().min(1).optional(),
  TMDB_BASE_URL: z.url().default('https://api.themoviedb.org/3'),
  /** Where TMDB's poster images are (sizes are appended: …/w185/abc.jpg). */
  TMDB_IMAGE_BASE_URL: z.url().default('https://image.tmdb.org/t/p'),
  /** Requests per second to TMDB: its published limit is about 40; raise it only for the stub. */
  TMDB_RATE: z.coerce.number().positive().max(10_000).default(40),
  /** OMDb API key, for IMDb, Rotten Tomatoes and Metacritic ratings. */
  OMDB_KEY: z.string().min(1).optional(),
  OMDB_BASE_URL: z.url().default('https://www.omdbapi.com/'),
  /**
   * Behind a reverse proxy: how many proxy hops to believe in X-Forwarded-For, or the proxies'
   * addresses (comma-separated). Off by default: the socket's peer is the client.
   */
  TRUST_PROXY: trustProxySchema,
  /** Wrong passwords per account and per address checked at once before sign-in slows down. */
  LOGIN_FREE_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(DEFAULT_FREE_ATTEMPTS),
  /** Extra origins allowed to make mutating API requests, comma-separated (e.g. http://localhost:5173). */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment once; a bad value stops the server with a readable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    // Messages name the variable, never its value: DATABASE_URL may hold a password.
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
