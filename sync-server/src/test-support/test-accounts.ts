// Runs in Node, in tests: an account and a signed-in session made directly in the database,
// without the password hash's deliberate slowness (for property tests that need many).
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import { users } from '../db/schema';
import { SESSION_COOKIE } from '../middleware/session';
import { createSession } from '../auth/sessions';

export interface TestAccount {
  id: string;
  email: string;
  /** The Cookie header value a browser signed in to this account sends. */
  cookie: string;
}

export async function makeTestAccount(database: Database): Promise<TestAccount> {
  const id = randomUUID();
  const email = `${id}@example.org`;
  // Not an argon2 hash: nobody can sign in with a password, only with the session below.
  await database.db.insert(users).values({ id, email, passwordHash: 'test-account' });
  const { token } = await createSession(database.db, id);
  return { id, email, cookie: `${SESSION_COOKIE}=${token}` };
}
