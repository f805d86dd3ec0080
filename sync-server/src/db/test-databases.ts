// Runs in Node, in tests: the databases every server test runs against.
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
