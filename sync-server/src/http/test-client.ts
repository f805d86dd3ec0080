// Runs in Node, in tests: a browser-like client for the in-process app (cookies, Origin).
import type { AppType } from '../app';

export const ORIGIN = 'http://localhost';

/** Sends requests as the PWA would: same Origin, JSON bodies, and its own cookie jar. */
export function browser(app: AppType) {
  let cookie = '';
  return {
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
    async send(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<Response> {
      const res = await app.request(`${ORIGIN}${path}`, {
        method,
        headers: {
          origin: ORIGIN,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(cookie ? { cookie } : {}),
          ...headers,
        },
        body:
          body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const set = res.headers.get('set-cookie');
      if (set) {
        const [pair] = set.split(';');
        cookie = /=$/.test(pair ?? '') || /max-age=0/i.test(set) ? '' : (pair ?? '');
      }
      return res;
    },
  };
}
