import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './db/database';
import { createApp } from './app';

describe('createApp', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({});
  }, 60_000);
  afterAll(() => database.close());

  it('answers /api/health with status ok', async () => {
    const res = await createApp({ database }).request('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; service: string };
    expect(body.status).toBe('ok');
    expect(body.service).toBe('filmfold-sync-server');
  });

  it('answers an unknown API route with a JSON 404, not the app shell', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'filmfold-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>shell</title>');
    const res = await createApp({ database, webDir }).request('/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'No API route GET /api/nope' },
    });
  });

  it('serves the PWA shell for client-side routes', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'filmfold-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>shell</title>');
    const res = await createApp({ database, webDir }).request('/films/42');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>shell</title>');
  });
});

describe('operations', () => {
  it('sends security headers, and logs one line per request without bodies or cookies', async () => {
    const database = await openDatabase({});
    const lines: string[] = [];
    const app = createApp({ database, log: (line) => lines.push(line) });
    const res = await app.request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: {
        origin: 'http://localhost',
        'content-type': 'application/json',
        cookie: 'filmfold_session=secret.cookie',
      },
      body: JSON.stringify({ email: 'someone@example.org', password: 'hunter2 hunter2 hunter2' }),
    });
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({
      method: 'POST',
      route: '/api/auth/login',
      status: 401,
      id: expect.any(String),
    });
    expect(lines[0]).not.toMatch(/hunter2|secret\.cookie|someone@example/);
    // A path parameter is an id too: the log names the route, not the path.
    await app.request('http://localhost/api/contributions/aVeryPrivateId', {
      method: 'DELETE',
      headers: { origin: 'http://localhost' },
    });
    expect(lines[1]).toContain('/api/contributions/:contributorId');
    expect(lines[1]).not.toContain('aVeryPrivateId');
    await database.close();
  }, 30_000);
});
