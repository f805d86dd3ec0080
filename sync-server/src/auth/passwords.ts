// Runs in Node. Password hashing with argon2id at OWASP's parameters (19 MiB, t=2, p=1).
import argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password (any unicode, never truncated) into a PHC string. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password.normalize('NFC'), OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password.normalize('NFC'));
  } catch {
    return false; // a malformed stored hash verifies nothing
  }
}

let dummy: Promise<string> | undefined;

/** Hashes the stand-in password ahead of time, so that even the first unknown login is not faster. */
export function prepareTimingEqualiser(): void {
  dummy ??= hashPassword('filmfold timing equaliser');
}

/**
 * Spends the time of one verification when there is no account, so that a login's timing does
 * not tell whether an email is registered.
 */
export async function verifyNothing(password: string): Promise<false> {
  prepareTimingEqualiser();
  await verifyPassword(await dummy!, password);
  return false;
}
