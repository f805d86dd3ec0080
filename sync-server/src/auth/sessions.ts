// Runs in Node. Session tokens as in the Lucia guide: "<id>.<secret>", 120+ bits each part,
// only SHA-256(secret) stored, compared in constant time, with sliding expiry.
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq, sql } from 'drizzle-orm';
import { getRandomValues } from 'node:crypto';
import type { Db } from '../db/database';
import { sessions, users } from '../db/schema';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** A session used in its last 15 days is extended to a full lifetime again. */
const RENEW_WITHIN_MS = SESSION_LIFETIME_MS / 2;

export interface Session {
  id: string;
  userId: string;
  expiresAt: Date;
}

export interface SessionUser {
  id: string;
  email: string;
  createdAt: Date;
}

/** What randomToken makes, twice, joined by a dot: anything else is not a session token. */
const TOKEN_PATTERN = /^[a-z2-7]{32}\.[a-z2-7]{32}$/;

/** 20 random bytes (160 bits) as lower-case base32. */
export function randomToken(): string {
  return encodeBase32LowerCaseNoPadding(getRandomValues(new Uint8Array(20)));
}

function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** Creates a session and returns its token (shown to the client once, never stored). */
export async function createSession(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<{ token: string; session: Session }> {
  const id = randomToken();
  const secret = randomToken();
  const session = { id, userId, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) };
  await db.insert(sessions).values({ ...session, secretHash: hashSecret(secret) });
  return { token: `${id}.${secret}`, session };
}

/**
 * The session and user a token stands for, or null when it is malformed, unknown, forged or
 * expired. A session near its end is extended (sliding expiry); `isRenewed` says so.
 */
/** The session and its user by session id, prepared once per database (asked on every request). */
const prepared = new WeakMap<Db, ReturnType<typeof prepareSessionById>>();

const prepareSessionById = (db: Db) =>
  db
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, createdAt: users.createdAt },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('session_by_id');

function sessionById(db: Db) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareSessionById(db)));
  return query;
}

export async function validateSessionToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ session: Session; user: SessionUser; isRenewed: boolean } | null> {
  // Checked before it reaches a query: a cookie may hold anything, a NUL byte included.
  if (!TOKEN_PATTERN.test(token)) return null;
  const [id, secret] = token.split('.') as [string, string];
  const [row] = await sessionById(db).execute({ id });
  if (!row) return null;
  const expected = new TextEncoder().encode(row.session.secretHash);
  const actual = new TextEncoder().encode(hashSecret(secret));
  if (!constantTimeEqual(expected, actual)) return null;
  if (row.session.expiresAt.getTime() <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const session: Session = { id, userId: row.session.userId, expiresAt: row.session.expiresAt };
  const isRenewed = session.expiresAt.getTime() - now.getTime() < RENEW_WITHIN_MS;
  if (isRenewed) {
    session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
  }
  return { session, user: row.user, isRenewed };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
