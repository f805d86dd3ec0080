// Runs in the browser. The one typed client of the sync server (Hono RPC).
import type { AppType } from '@filmfold/sync-server/app';
import { hc } from 'hono/client';

/** Typed client for the sync server's API, by default on the page's own origin. */
export function apiClient(baseUrl: string = location.origin, fetchImpl?: typeof fetch) {
  return hc<AppType>(baseUrl, fetchImpl ? { fetch: fetchImpl } : {});
}

export type ApiClient = ReturnType<typeof apiClient>;
