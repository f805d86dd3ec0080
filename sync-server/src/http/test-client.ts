// Runs in Node, in tests: a browser-like client for the in-process app (cookies, Origin).
import type { AppType } from '../app';

export const ORIGIN = 'http://localhost';

/**
 * What @hono/node-server passes as `env` for a request from `address`: lets in-process requests
 * come from distinct client addresses, as they do over a socket.
 */
export const connectionFrom = (address: string) => ({
  incoming: { socket: { remoteAddress: address, remotePort: 50000, remoteFamily: 'IPv4' } },
});

/** A random private IPv4 address, so that suites sharing a database never share one. */
export const randomAddress = () =>
  `10.${Array.from(crypto.getRandomValues(new Uint8Array(3))).join('.')}`;

/**
 * Sends requests as the PWA would: same Origin, JSON bodies, its own cookie jar, and its own
 * client address.
 */
export function browser(app: AppType, address = randomAddress()) {
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
      const res = await app.request(
        `${ORIGIN}${path}`,
        {
          method,
          headers: {
            origin: ORIGIN,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(cookie ? { cookie } : {}),
            ...headers,
          },
          body:
            body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        },
        connectionFrom(address),
      );
      const set = res.headers.get('set-cookie');
      if (set) {
        const [pair] = set.split(';');
        cookie = /=$/.test(pair ?? '') || /max-age=0/i.test(set) ? '' : (pair ?? '');
      }
      return res;
    },
  };
}

let mutations = 0;

/** A rating change as a device sends it, at 2024-05-01T20:15Z with the given HLC counter. */
export const ratingChange = (movieId: number, rating: number, counterHex = '0000') => ({
  kind: 'rating',
  key: String(movieId),
  value: { movieId, rating, ratedAt: '2024-05-01T20:15:00Z' },
  hlc: `2024-05-01T20:15:00.000Z-${counterHex}-deviceA1`,
});

/** A push body from device deviceA1 with a fresh mutation id; `extra` overrides any field. */
export const pushBody = (changes: unknown[], extra: Record<string, unknown> = {}) => ({
  protocolVersion: 1,
  deviceId: 'deviceA1',
  mutationId: `mutation${mutations++}x`,
  changes,
  ...extra,
});

/**
 * Everything the signed-in client holds on the server, as pull text without the server's clock
 * (which moves between two pulls of unchanged data).
 */
export async function heldData(client: ReturnType<typeof browser>): Promise<string> {
  const res = await client.send('GET', '/api/sync/pull?protocolVersion=1&since=0&limit=1000');
  const { serverTime: _moves, ...held } = (await res.json()) as Record<string, unknown>;
  return JSON.stringify({ status: res.status, ...held });
}
