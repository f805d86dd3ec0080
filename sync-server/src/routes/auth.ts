// Runs in Node. Accounts and sessions: /api/auth/* and /api/account.
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
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
import { jsonInput } from '../http/validate';
import {
  clearSessionCookie,
  requireUser,
  signedIn,
  type SessionEnv,
  setSessionCookie,
} from '../middleware/session';

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
    .post('/auth/signup', jsonInput(signUpSchema), async (c) => {
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
    })
    .post('/auth/login', jsonInput(logInSchema), async (c) => {
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
    })
    .post('/auth/logout', async (c) => {
      const session = c.get('session');
      if (session) await invalidateSession(database.db, session.id);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .post('/auth/logout-everywhere', async (c) => {
      const { user } = requireUser(c);
      await invalidateUserSessions(database.db, user.id);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .post('/auth/password', signedIn, jsonInput(changePasswordSchema), async (c) => {
      const { user } = requireUser(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      const outcome = await changePassword(database, user.id, currentPassword, newPassword);
      if (!outcome.ok)
        throw new ApiError(403, 'invalid_credentials', 'The current password is not right.');
      // Every session ended, this one included: this device gets a fresh one.
      await startSession(c, user.id);
      return c.body(null, 204);
    })
    .get('/account', (c) => {
      const { user } = requireUser(c);
      return c.json({ id: user.id, email: user.email, createdAt: user.createdAt.toISOString() });
    })
    .delete('/account', signedIn, jsonInput(deleteAccountSchema), async (c) => {
      const { user } = requireUser(c);
      const { password } = c.req.valid('json');
      const check = await logIn(database, user.email, password);
      if (!check.ok) throw new ApiError(403, 'invalid_credentials', 'The password is not right.');
      await deleteAccount(database, user.id);
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
