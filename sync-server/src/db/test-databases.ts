// Runs in Node, in tests: the databases every server test runs against.
import { afterAll, beforeAll, describe } from 'vitest';
import { type Database, openDatabase } from './database';

/** PGlite in memory always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function testDatabases(): [string, () => Promise<Database>][] {
  const url = process.env.TEST_DATABASE_URL;
  return [
    ['PGlite', () => openDatabase({})],
    ...(url
      ? [['PostgreSQL', () => openDatabase({ url })] as [string, () => Promise<Database>]]
      : []),
  ];
}

/**
 * Declares the suite `body` once per test database, opened before its tests and closed after;
 * `db()` is that suite's database.
 */
export function describeOnEachDatabase(title: string, body: (db: () => Database) => void): void {
  describe.each(testDatabases())(`${title} on %s`, (_name, open) => {
    let database: Database | undefined;
    beforeAll(async () => {
      database = await open();
    }, 60_000);
    afterAll(() => database?.close());
    body(() => {
      if (!database) throw new Error('The test database is not open yet.');
      return database;
    });
  });
}
