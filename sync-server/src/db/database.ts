// Runs in Node. One database handle over embedded PGlite (a data folder) or PostgreSQL.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /**
   * Runs `work` in a transaction. PGlite has a single connection, so its transactions are queued
   * one at a time; PostgreSQL runs them concurrently.
   */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
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
    await migratePostgres(db, { migrationsFolder });
    return {
      kind: 'postgres',
      db: db as unknown as Db,
      transaction: (work) => db.transaction((tx) => work(tx as unknown as Db)),
      close: () => client.end(),
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
    close: async () => {
      await queue;
      await client.close();
    },
  };
}
