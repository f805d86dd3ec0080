// Runs in Node, in tests: the databases every server test runs against.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Database, type DatabaseOptions, openDatabase } from './database';

/** The PostgreSQL server tests run against as well as PGlite (CI sets it). */
export const postgresUrl = process.env.TEST_DATABASE_URL;

let hasWarned = false;

/**
 * Describes `body` once per variant; a variant without options (PostgreSQL when
 * TEST_DATABASE_URL is not set) is reported as skipped, and a warning says so.
 */
export function describeEach<T>(
  title: string,
  variants: [name: string, options: T | undefined][],
  body: (options: () => T) => void,
): void {
  for (const [name, options] of variants) {
    const isSkipped = options === undefined;
    if (isSkipped && !hasWarned) {
      hasWarned = true;
      console.warn(
        '\n*** TEST_DATABASE_URL is not set: every PostgreSQL suite is SKIPPED; only PGlite ran. ***\n',
      );
    }
    describe.skipIf(isSkipped)(
      `${title} on ${name}${isSkipped ? ' (skipped: set TEST_DATABASE_URL)' : ''}`,
      () =>
        body(() => {
          if (options === undefined) throw new Error(`${name} is not configured.`);
          return options;
        }),
    );
  }
}

/** Options for PGlite in memory, and for PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabases(): [string, DatabaseOptions | undefined][] {
  return [
    ['PGlite', {}],
    ['PostgreSQL', postgresUrl ? { url: postgresUrl } : undefined],
  ];
}

/** Databases that survive a restart: PGlite in a new data folder, and PostgreSQL when set. */
export function survivingDatabases(prefix: string): [string, DatabaseOptions | undefined][] {
  return [
    ['PGlite (data folder)', { dataDir: join(mkdtempSync(join(tmpdir(), prefix)), 'db') }],
    ['PostgreSQL', postgresUrl ? { url: postgresUrl } : undefined],
  ];
}

/**
 * Declares the suite `body` once per test database, opened before its tests and closed after;
 * `db()` is that suite's database.
 */
export function describeOnEachDatabase(title: string, body: (db: () => Database) => void): void {
  describeEach(title, testDatabases(), (options) => {
    let database: Database | undefined;
    beforeAll(async () => {
      database = await openDatabase(options());
    }, 60_000);
    afterAll(() => database?.close());
    body(() => {
      if (!database) throw new Error('The test database is not open yet.');
      return database;
    });
  });
}
