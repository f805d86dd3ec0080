import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { type Database, openDatabase } from '../db/database';

// Before the first start has published a catalog and model.
describe('routes that need the first catalog and model', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({});
  });
  afterAll(() => database.close());

  it('answer one 503, with Retry-After, until there is one', async () => {
    const app = createApp({ database });
    const requests: [string, RequestInit][] = [
      ['/api/artifacts/latest', {}],
      ['/api/films/1/extras', {}],
      [
        '/api/ask',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ message: 'films like Heat' }),
        },
      ],
    ];
    const answers = await Promise.all(
      requests.map(async ([path, init]) => {
        const res = await app.request(path, init);
        return {
          status: res.status,
          retryAfter: res.headers.get('Retry-After'),
          body: await res.json(),
        };
      }),
    );
    for (const answer of answers) {
      expect(answer).toEqual({
        status: 503,
        retryAfter: '60',
        body: {
          error: {
            code: 'not_ready',
            message:
              'Filmfold is still preparing its first catalog and model; try again in a minute.',
          },
        },
      });
    }
  });
});
