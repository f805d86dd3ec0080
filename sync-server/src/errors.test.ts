import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it, vi } from 'vitest';
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
