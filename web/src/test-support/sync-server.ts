// Runs in Node, in tests: the real sync server in-process, and devices' API clients against it.
import { createApp } from '@filmfold/sync-server/app';
import { type Database, openDatabase } from '@filmfold/sync-server/database';
import { apiClient, type ApiClient } from '$lib/api/client';

export const ORIGIN = 'http://filmfold.test';

export interface TestServer {
  database: Database;
  app: ReturnType<typeof createApp>;
  /** Makes an account and returns its session cookie. */
  signUp(email: string): Promise<string>;
  /** A device's client: its cookie on every request, as a browser would send. */
  client(cookie: () => string, intercept?: Intercept): ApiClient;
  close(): Promise<void>;
}

/** Stands between a device and the server: may answer instead, or change the answer. */
export type Intercept = (request: Request, send: () => Promise<Response>) => Promise<Response>;

export async function startTestServer(database?: Database): Promise<TestServer> {
  const db = database ?? (await openDatabase({}));
  const app = createApp({ database: db });
  return {
    database: db,
    app,
    async signUp(email) {
      const res = await app.request(`${ORIGIN}/api/auth/signup`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'a long enough password' }),
      });
      if (res.status !== 201) throw new Error(`Sign-up answered ${res.status}`);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    },
    client(cookie, intercept) {
      return apiClient(ORIGIN, async (input, init) => {
        const request = new Request(input instanceof Request ? input : String(input), init);
        request.headers.set('origin', ORIGIN);
        request.headers.set('cookie', cookie());
        const send = async () => app.request(request.clone());
        return intercept ? intercept(request, send) : send();
      });
    },
    close: () => db.close(),
  };
}
