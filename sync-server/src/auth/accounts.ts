// Runs in Node. Accounts: sign up, log in, change password, delete (with every piece of data).
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { syncCells, syncMutations, users } from '../db/schema';
import { hashPassword, verifyNothing, verifyPassword } from './passwords';
import { invalidateUserSessions, randomToken } from './sessions';

export type SignUpOutcome = { ok: true; userId: string } | { ok: false; reason: 'email-taken' };
export type LogInOutcome =
  { ok: true; userId: string } | { ok: false; reason: 'invalid-credentials' };

const normalEmail = (email: string) => email.trim().toLowerCase();

export async function signUp(
  database: Database,
  email: string,
  password: string,
): Promise<SignUpOutcome> {
  const passwordHash = await hashPassword(password);
  const id = randomToken();
  const inserted = await database.db
    .insert(users)
    .values({ id, email: normalEmail(email), passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  return inserted.length === 1 ? { ok: true, userId: id } : { ok: false, reason: 'email-taken' };
}

/** Checks a password; an unknown email costs the same time and gets the same answer. */
export async function logIn(
  database: Database,
  email: string,
  password: string,
): Promise<LogInOutcome> {
  const [user] = await database.db
    .select()
    .from(users)
    .where(eq(users.email, normalEmail(email)));
  const isValid = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyNothing(password);
  return user && isValid
    ? { ok: true, userId: user.id }
    : { ok: false, reason: 'invalid-credentials' };
}

/** Changes the password after checking the current one, and ends every session of the account. */
export async function changePassword(
  database: Database,
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<{ ok: true } | { ok: false; reason: 'invalid-credentials' }> {
  const [user] = await database.db.select().from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword)))
    return { ok: false, reason: 'invalid-credentials' };
  const passwordHash = await hashPassword(newPassword);
  await database.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await invalidateUserSessions(tx, userId);
  });
  return { ok: true };
}

/** Deletes the account, its sessions and every synced record. */
export async function deleteAccount(database: Database, userId: string): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.delete(syncCells).where(eq(syncCells.userId, userId));
    await tx.delete(syncMutations).where(eq(syncMutations.userId, userId));
    await tx.delete(users).where(eq(users.id, userId)); // sessions cascade
  });
}
