import { createApp } from '@filmfold/sync-server/app';
import { openDatabase } from '@filmfold/sync-server/database';
import { describe, expect, it } from 'vitest';
import { apiClient } from './client';
import { describeServerStatus, fetchServerStatus } from './server-status';

describe('fetchServerStatus', () => {
  it('reports online against the real server app', async () => {
    const database = await openDatabase({});
    const app = createApp({ database });
    const client = apiClient('http://filmfold.test', (input, init) =>
      Promise.resolve(app.request(input instanceof Request ? input : String(input), init)),
    );
    const status = await fetchServerStatus(client);
    expect(status.state).toBe('online');
    expect(describeServerStatus(status)).toBe('Sync server online');
    await database.close();
  });

  it('reports offline, with the reason, when the network fails', async () => {
    const client = apiClient('http://filmfold.test', () =>
      Promise.reject(new TypeError('Failed to fetch')),
    );
    const status = await fetchServerStatus(client);
    expect(status).toEqual({ state: 'offline', reason: 'The server cannot be reached.' });
    expect(describeServerStatus(status)).toBe('Working offline. The server cannot be reached.');
  });

  it('reports offline with the status code when the server answers an error', async () => {
    const client = apiClient('http://filmfold.test', () =>
      Promise.resolve(new Response('{}', { status: 503 })),
    );
    expect(await fetchServerStatus(client)).toEqual({
      state: 'offline',
      reason: 'The server answered 503.',
    });
  });
});
