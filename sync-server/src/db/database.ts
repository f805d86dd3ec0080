// Runs in Node. One database handle over embedded PGlite (a data folder) or PostgreSQL.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { migrationsFolder } from '../paths';
import * as schema from './schema';

/** How long a lock session's query may take before its connection counts as gone. */
const LOCK_QUERY_MS = 3_000;

/** `promise`, or a rejection after `ms` (a query on a connection that died may never settle). */
function within<T>(ms: number, promise: PromiseLike<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.resolve(promise),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No answer in ${ms} ms.`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The advisory lock that lets one process at a time apply migrations: "migr" as a number. */
const MIGRATION_LOCK = 0x6d_69_67_72;

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /**
   * Runs `work` in a transaction. PGlite has a single connection, so its transactions are queued
   * one at a time; PostgreSQL runs them concurrently.
   */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * A session of its own that holds PostgreSQL's advisory lock `key` for as long as this process
   * lives (the lock goes when the connection does: a killed process loses it at once). PGlite's
   * data folder is opened by one process only, so there it is always held.
   */
  lockSession(key: number): Promise<LockSession>;
  /**
   * The rows of a raw statement (each driver shapes its result differently); on PostgreSQL it is
   * prepared once per connection, so keep its text fixed (values as parameters).
   */
  rows<T>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

export interface LockSession {
  /** True once the lock is held (asks again when it is not). */
  tryLock(): Promise<boolean>;
  /** Whether this session still holds the lock (false when its connection failed or was replaced). */
  isHeld(): Promise<boolean>;
  /** Ends the session, and with it the lock. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; absent selects PGlite. */
  url?: string;
  /** PGlite's data folder; absent keeps the database in memory (tests). */
  dataDir?: string;
}

/** Opens the database and applies any pending migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema });
    const dialect = new PgDialect();
    // Processes starting together migrate one at a time; the later ones find nothing to do.
    const lock = await client.reserve();
    try {
      await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => undefined);
      lock.release();
    }
    return {
      kind: 'postgres',
      db: db as unknown as Db,
      transaction: (work) => db.transaction((tx) => work(tx as unknown as Db)),
      // A named prepared statement per connection (drizzle's execute prepares none, which costs
      // a second round trip per call to learn the parameters' types): the push's one statement.
      rows: async <T>(query: SQL) => {
        const { sql: text, params } = dialect.sqlToQuery(query);
        return [...(await client.unsafe(text, params as never[], { prepare: true }))] as T[];
      },
      async lockSession(key: number): Promise<LockSession> {
        const session = await client.reserve();
        return {
          tryLock: async () =>
            (await within(LOCK_QUERY_MS, session`select pg_try_advisory_lock(${key}) as held`))[0]!
              .held === true,
          isHeld: () =>
            within(
              LOCK_QUERY_MS,
              session`
                select exists (
                  select 1 from pg_locks
                  where locktype = 'advisory' and pid = pg_backend_pid() and granted
                    and classid = 0 and objid = ${key} and objsubid = 1
                ) as held`,
            ).then(
              (rows) => rows[0]!.held === true,
              () => false,
            ),
          close: async () => {
            await within(LOCK_QUERY_MS, session`select pg_advisory_unlock_all()`).catch(
              () => undefined,
            );
            session.release();
          },
        };
      },
      // Waits up to 5 s for queries in flight, then ends every connection (the lock session too).
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite(options.dataDir);
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
      const run = queue.then(() => db.transaction((tx) => work(tx as unknown as Db)));
      queue = run.catch(() => undefined);
      return run;
    },
    lockSession: async () => ({
      tryLock: async () => true,
      isHeld: async () => !client.closed,
      close: async () => {},
    }),
    rows: async <T>(query: SQL) => {
      // Behind the queued transactions, as they are on PGlite's one connection anyway.
      const run = queue.then(() => db.execute(query));
      queue = run.catch(() => undefined);
      return (await run).rows as T[];
    },
    close: async () => {
      await queue;
      await client.close();
    },
  };
}
