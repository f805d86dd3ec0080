// Runs in Node. The HTTP server around the app: what `npm start`, the benchmarks and the tests
// that need a real socket all listen with.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, RequestError } from '@hono/node-server';
import { unparseableRequest } from '../app';
import { errorBody } from '../errors';

type Fetch = (request: Request, env: unknown) => Response | Promise<Response>;

/**
 * Listens on `port` (0: any free one) and resolves once listening. A request Node cannot turn
 * into a URL (a backslash in the path, say) gets the API's JSON 400 with security headers, not
 * an empty one.
 */
export function listen(
  fetch: Fetch,
  options: { port: number; hostname: string },
): Promise<{ server: Server; port: number }> {
  const server = createServer(
    getRequestListener(fetch, {
      errorHandler: (err) =>
        err instanceof RequestError
          ? unparseableRequest()
          : Response.json(errorBody('internal', 'Something went wrong on the server.'), {
              status: 500,
            }),
    }),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
  });
}
