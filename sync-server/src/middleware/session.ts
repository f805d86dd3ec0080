// Runs in Node. Who is asking: the session cookie, validated once per request.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Session, SessionUser } from '../auth/sessions';
import { validateSessionToken } from '../auth/sessions';
import type { Database } from '../db/database';
import { ApiError } from '../errors';

export const SESSION_COOKIE = 'filmfold_session';

export type SessionEnv = { Variables: { user: SessionUser | null; session: Session | null } };

/** Secure cookies everywhere except plain-http localhost, where browsers would drop them. */
function isSecure(c: Context): boolean {
  const url = new URL(c.req.url);
  return !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}

export function setSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: isSecure(c),
    sameSite: 'Lax',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure(c) });
}

/** Sets `user` and `session` (null when signed out); renews the cookie on sliding expiry. */
export function sessionLoader(database: Database) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    c.set('user', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const found = await validateSessionToken(database.db, token);
      if (found) {
        c.set('user', found.user);
        c.set('session', found.session);
        if (found.isRenewed) setSessionCookie(c, token, found.session.expiresAt);
      } else {
        clearSessionCookie(c);
      }
    }
    await next();
  });
}

/** The signed-in user, or a 401. */
export function requireUser(c: Context<SessionEnv>): { user: SessionUser; session: Session } {
  const user = c.get('user');
  const session = c.get('session');
  if (!user || !session) throw new ApiError(401, 'unauthenticated', 'Sign in to do this.');
  return { user, session };
}

/** Middleware: 401 unless someone is signed in; placed before body validation on such routes. */
export const signedIn: MiddlewareHandler<SessionEnv> = async (c, next) => {
  requireUser(c);
  await next();
};
