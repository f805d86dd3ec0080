// Runs in the browser. The one typed client of the sync server (Hono RPC).
import type { AppType } from '@filmfold/sync-server/app';
import { hc } from 'hono/client';

/**
 * The request never got an answer: no network, the server unreachable, the connection cut. Only
 * this means "offline"; any other exception is a bug and is reported as one.
 */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** `fetchImpl` with its rejections (a TypeError from fetch, whatever the cause) named truly. */
function namingNetworkErrors(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    try {
      return await fetchImpl(input, init);
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new NetworkError('No connection to the server.', { cause: err });
    }
  };
}

/** Typed client for the sync server's API, by default on the page's own origin. */
export function apiClient(baseUrl: string = location.origin, fetchImpl?: typeof fetch) {
  return hc<AppType>(baseUrl, {
    fetch: namingNetworkErrors(fetchImpl ?? ((input, init) => fetch(input, init))),
  });
}

export type ApiClient = ReturnType<typeof apiClient>;
