// Runs in Node. Accounts and sessions: /api/auth/* and /api/account.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  accountSchema,
  changePasswordSchema,
  deleteAccountSchema,
  logInSchema,
  signUpSchema,
} from '@filmfold/model';
import { changePassword, deleteAccount, logIn, signUp } from '../auth/accounts';
import type { LoginThrottle } from '../auth/login-throttle';
import { prepareTimingEqualiser } from '../auth/passwords';
import { createSession, invalidateSession, invalidateUserSessions } from '../auth/sessions';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import { documented } from '../http/documented';
import { jsonInput } from '../http/validate';
import {
  clearSessionCookie,
  requireUser,
  signedIn,
  type SessionEnv,
  setSessionCookie,
} from '../middleware/session';

const signedUpSchema = z.object({ id: z.string(), email: z.string() });
const signedInSchema = z.object({ id: z.string() });

export function authRoutes(
  database: Database,
  throttle: LoginThrottle,
  addressOf: (c: Context) => string,
) {
  prepareTimingEqualiser();
  const startSession = async (c: Context, userId: string) => {
    const { token, session } = await createSession(database.db, userId);
    setSessionCookie(c, token, session.expiresAt);
  };

  return new Hono<SessionEnv>()
    .post(
      '/auth/signup',
      documented({
        summary: 'Create an account and sign in',
        ok: { status: 201, description: 'Signed up; session cookie set', schema: signedUpSchema },
        errors: [400, 403, 409, 413, 415],
      }),
      jsonInput(signUpSchema),
      async (c) => {
        const { email, password } = c.req.valid('json');
        const outcome = await signUp(database, email, password);
        if (!outcome.ok)
          throw new ApiError(
            409,
            'email_taken',
            'An account with this email already exists. Sign in instead.',
          );
        await startSession(c, outcome.userId);
        return c.json({ id: outcome.userId, email: email.trim().toLowerCase() }, 201);
      },
    )
    .post(
      '/auth/login',
      documented({
        summary: 'Sign in',
        ok: { status: 200, description: 'Signed in; session cookie set', schema: signedInSchema },
        errors: [400, 401, 403, 413, 415, 429],
      }),
      jsonInput(logInSchema),
      async (c) => {
        const { email, password } = c.req.valid('json');
        const keys = [`account:${email.trim().toLowerCase()}`, `address:${addressOf(c)}`];
        // Counted before the password is checked, so that parallel attempts cannot slip past.
        const reservation = await throttle.reserve(keys);
        if (!reservation.ok) {
          const wait = reservation.retryAfterSeconds;
          throw new ApiError(
            429,
            'too_many_attempts',
            `Too many failed sign-ins. Try again in ${wait} s.`,
            { 'Retry-After': String(wait) },
          );
        }
        const outcome = await logIn(database, email, password);
        if (!outcome.ok)
          throw new ApiError(401, 'invalid_credentials', 'Incorrect email or password.');
        await throttle.recordSuccess(keys);
        await startSession(c, outcome.userId);
        return c.json({ id: outcome.userId }, 200);
      },
    )
    .post(
      '/auth/logout',
      documented({
        summary: 'End this session',
        ok: { status: 204, description: 'Signed out' },
        errors: [403],
      }),
      async (c) => {
        const session = c.get('session');
        if (session) await invalidateSession(database.db, session.id);
        clearSessionCookie(c);
        return c.body(null, 204);
      },
    )
    .post(
      '/auth/logout-everywhere',
      documented({
        summary: 'End every session of the account',
        isSignedIn: true,
        ok: { status: 204, description: 'Signed out everywhere' },
        errors: [401, 403],
      }),
      async (c) => {
        const { user } = requireUser(c);
        await invalidateUserSessions(database.db, user.id);
        clearSessionCookie(c);
        return c.body(null, 204);
      },
    )
    .post(
      '/auth/password',
      documented({
        summary: 'Change the password (ends every other session)',
        isSignedIn: true,
        ok: { status: 204, description: 'Changed; a new session cookie is set' },
        errors: [400, 401, 403, 413, 415],
      }),
      signedIn,
      jsonInput(changePasswordSchema),
      async (c) => {
        const { user } = requireUser(c);
        const { currentPassword, newPassword } = c.req.valid('json');
        const outcome = await changePassword(database, user.id, currentPassword, newPassword);
        if (!outcome.ok)
          throw new ApiError(403, 'invalid_credentials', 'The current password is not right.');
        // Every session ended, this one included: this device gets a fresh one.
        await startSession(c, user.id);
        return c.body(null, 204);
      },
    )
    .get(
      '/account',
      documented({
        summary: 'The signed-in account',
        isSignedIn: true,
        ok: { status: 200, description: 'The account', schema: accountSchema },
        errors: [401],
      }),
      (c) => {
        const { user } = requireUser(c);
        return c.json({ id: user.id, email: user.email, createdAt: user.createdAt.toISOString() });
      },
    )
    .delete(
      '/account',
      documented({
        summary: 'Delete the account and every synced record',
        isSignedIn: true,
        ok: { status: 204, description: 'Deleted' },
        errors: [400, 401, 403, 413, 415],
      }),
      signedIn,
      jsonInput(deleteAccountSchema),
      async (c) => {
        const { user } = requireUser(c);
        const { password } = c.req.valid('json');
        const check = await logIn(database, user.email, password);
        if (!check.ok) throw new ApiError(403, 'invalid_credentials', 'The password is not right.');
        await deleteAccount(database, user.id);
        clearSessionCookie(c);
        return c.body(null, 204);
      },
    );
}
