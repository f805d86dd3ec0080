import net from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../app';
import { describeOnEachDatabase } from '../db/test-databases';
import { listen } from './listen';

/** Sends raw bytes on one connection and returns every byte answered before it closed. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    socket.write(bytes);
    setTimeout(() => socket.end(), 1000);
  });
}

const statusLines = (answer: string) => answer.match(/^HTTP\/1\.1 \d{3}/gm) ?? [];

describeOnEachDatabase('refusals a fuzzer found', (db) => {
  let server: Server;
  let port = 0;
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  beforeAll(async () => {
    ({ server, port } = await listen(createApp({ database: db() }).fetch, {
      port: 0,
      hostname: '127.0.0.1',
    }));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a NUL byte in the session cookie is just signed out, on every route', async () => {
    const health = await fetch(url('/api/health'), {
      headers: { cookie: 'filmfold_session=%00.%00' },
    });
    expect(health.status).toBe(200);
    const account = await fetch(url('/api/account'), {
      headers: { cookie: 'filmfold_session=%00.%00' },
    });
    expect(account.status).toBe(401);
  });

  it('NUL bytes in a path parameter or a login email are refused as the client’s mistake', async () => {
    const artifact = await fetch(url('/api/artifacts/catalog/%00'));
    expect(artifact.status).toBe(404);
    expect(await artifact.json()).toMatchObject({ error: { code: 'not_found' } });
    const login = await fetch(url('/api/auth/login'), {
      method: 'POST',
      headers: { origin: url(''), 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a\u0000@example.org', password: 'x' }),
    });
    expect(login.status).toBe(400);
  });

  it('a refused body it did not read closes the connection cleanly; the next request is answered', async () => {
    const big = 'x'.repeat(1_500_000);
    const answer = await rawExchange(
      port,
      `POST /api/sync/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n${big}`,
    );
    expect(statusLines(answer)).toHaveLength(1);
    expect(answer).toMatch(/^connection: close/im);
    expect((await fetch(url('/api/health'))).status).toBe(200);
  });

  it('a backslash in the path gets a JSON 400 with the security headers', async () => {
    const answer = await rawExchange(port, 'GET /api/health\\..\\x HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(statusLines(answer)).toEqual(['HTTP/1.1 400']);
    expect(answer).toMatch(/^content-type: application\/json/im);
    expect(answer).toMatch(/^x-content-type-options: nosniff/im);
    expect(answer).toContain('"code":"bad_request"');
  });
});
