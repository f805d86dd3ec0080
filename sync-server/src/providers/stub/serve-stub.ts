// Runs in Node, in tests and for development: the provider stub on a real local port.
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createProviderStub } from './provider-stub';
import type { StubFilm } from './stub-films';

/** The samples the stub serves: ../shared/datasets/api-samples beside the repository. */
export const API_SAMPLES = fileURLToPath(
  new URL('../../../../../shared/datasets/api-samples', import.meta.url),
);

/** Starts the stub on a free port; `base` is its origin (TMDB under /tmdb/3, OMDb under /omdb). */
export async function startProviderStub(port = 0, films?: ReadonlyMap<number, StubFilm>) {
  const stub = createProviderStub(API_SAMPLES, films);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: stub.app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    stub,
    base,
    close() {
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
      server.close();
    },
  };
}
