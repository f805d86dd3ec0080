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
