import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEach, testDatabases } from './db/test-databases';
import { openDatabase } from './db/database';
import { users } from './db/schema';
import { handleError } from './errors';

function appThrowing(err: Error) {
  return new Hono()
    .get('/boom', () => {
      throw err;
    })
    .onError(handleError);
}

describe('handleError', () => {
  it('turns a thrown error into a JSON 500 without a stack trace, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await appThrowing(new Error('secret internals at /srv/db.ts:12')).request('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret internals');
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: 'Something went wrong on the server.' },
    });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('maps an HTTPException to its status with a JSON body', async () => {
    const res = await appThrowing(new HTTPException(418, { message: 'I am a teapot' })).request(
      '/boom',
    );
    expect(res.status).toBe(418);
    expect(await res.json()).toEqual({ error: { code: 'http_418', message: 'I am a teapot' } });
  });
});

describeEach('logging a database failure', testDatabases(), (options) => {
  it('names the code and constraint, never the query, its parameters or the message', async () => {
    const database = await openDatabase(options());
    const lines: string[] = [];
    const log = vi.spyOn(console, 'error').mockImplementation((...args) => {
      lines.push(args.join(' '));
    });
    const app = new Hono()
      .get('/dup', async () => {
        const row = {
          id: randomUUID(),
          email: `private.person.${randomUUID()}@example.org`,
          passwordHash: 'secret-hash',
        };
        await database.db.insert(users).values(row);
        await database.db.insert(users).values(row);
        return new Response('unreachable');
      })
      .onError(handleError);
    const res = await app.request('/dup');
    expect(res.status).toBe(500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/database error code=23505 constraint=users_pkey/);
    expect(lines[0]).not.toMatch(/private\.person|secret-hash|insert into|params/i);
    log.mockRestore();
    await database.close();
  });
});
