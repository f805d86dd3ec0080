import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../app';
import { DEFAULT_FREE_ATTEMPTS } from '../auth/login-throttle';
import { describeOnEachDatabase } from '../db/test-databases';
import { browser, ORIGIN, pushBody, randomAddress, ratingChange } from '../http/test-client';

const password = 'correct horse battery 🐎';
let counter = 0;
const freshEmail = () => `person${Date.now()}${counter++}@example.org`;

describeOnEachDatabase('accounts and sessions', (db) => {
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    app = createApp({ database: db() });
  });

  async function signedUp(email = freshEmail()) {
    const b = browser(app);
    const res = await b.send('POST', '/api/auth/signup', { email, password });
    expect(res.status).toBe(201);
    return { b, email };
  }

  it('signs up, sets a safe session cookie, and knows who is signed in', async () => {
    const email = freshEmail();
    const b = browser(app);
    const res = await b.send('POST', '/api/auth/signup', { email: email.toUpperCase(), password });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^filmfold_session=[a-z0-9]{32}\.[a-z0-9]{32};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain-http localhost only
    const me = await b.send('GET', '/api/account');
    expect(await me.json()).toMatchObject({ email });
  });

  it('marks the cookie Secure on any other host', async () => {
    const res = await app.request('https://filmfold.example/api/auth/signup', {
      method: 'POST',
      headers: { origin: 'https://filmfold.example', 'content-type': 'application/json' },
      body: JSON.stringify({ email: freshEmail(), password }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('refuses a second account for the same email, and short or missing passwords', async () => {
    const { email } = await signedUp();
    const again = await browser(app).send('POST', '/api/auth/signup', { email, password });
    expect(again.status).toBe(409);
    const short = await browser(app).send('POST', '/api/auth/signup', {
      email: freshEmail(),
      password: 'elevenchars',
    });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({
      error: { code: 'bad_request', message: expect.stringContaining('at least 12 characters') },
    });
  });

  it('counts password length in characters, so 12 emoji are allowed and nothing is truncated', async () => {
    const emoji = '🎬'.repeat(12);
    const email = freshEmail();
    expect(
      (await browser(app).send('POST', '/api/auth/signup', { email, password: emoji })).status,
    ).toBe(201);
    expect(
      (
        await browser(app).send('POST', '/api/auth/login', {
          email,
          password: emoji.slice(0, -2) + '🎥',
        })
      ).status,
    ).toBe(401);
    expect(
      (await browser(app).send('POST', '/api/auth/login', { email, password: emoji })).status,
    ).toBe(200);
  });

  it('answers a wrong password and an unknown account the same way', async () => {
    const { email } = await signedUp();
    const wrong = await browser(app).send('POST', '/api/auth/login', {
      email,
      password: 'not the password at all',
    });
    const unknown = await browser(app).send('POST', '/api/auth/login', {
      email: freshEmail(),
      password,
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('throttles repeated failures with growing delays and Retry-After', async () => {
    const { email } = await signedUp();
    const b = browser(app);
    const statuses: number[] = [];
    let retryAfter = '';
    for (let attempt = 0; attempt < 6; attempt++) {
      const res = await b.send('POST', '/api/auth/login', {
        email,
        password: `wrong password ${attempt}`,
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after') ?? '';
    }
    expect(statuses.slice(0, DEFAULT_FREE_ATTEMPTS)).toEqual(
      Array(DEFAULT_FREE_ATTEMPTS).fill(401),
    );
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Even the right password waits while the account is locked.
    expect((await b.send('POST', '/api/auth/login', { email, password })).status).toBe(429);
  });

  it.each([30, 100])(
    'lets at most the free attempts of %i wrong passwords sent at once reach the password check',
    async (parallel) => {
      const { email } = await signedUp();
      const address = randomAddress();
      const statuses = await Promise.all(
        Array.from({ length: parallel }, (_, i) =>
          browser(app, address)
            .send('POST', '/api/auth/login', { email, password: `wrong password ${i}` })
            .then((res) => res.status),
        ),
      );
      // A 401 is an attempt that reached argon2; every other one was refused before it.
      const checked = statuses.filter((status) => status === 401).length;
      expect(checked).toBeGreaterThan(0);
      expect(checked).toBeLessThanOrEqual(DEFAULT_FREE_ATTEMPTS);
      expect(statuses.filter((status) => status === 429)).toHaveLength(parallel - checked);
    },
    60_000,
  );

  it('reads the client address through trusted proxies only (TRUST_PROXY)', async () => {
    const behindProxy = createApp({ database: db(), trustProxy: { kind: 'hops', hops: 1 } });
    const proxy = randomAddress();
    const { email } = await signedUp();
    // Two people behind one proxy: one of them failing does not lock out the other.
    const attacker = randomAddress();
    for (let attempt = 0; attempt < 6; attempt++) {
      await browser(behindProxy, proxy).send(
        'POST',
        '/api/auth/login',
        { email: freshEmail(), password: `wrong ${attempt}` },
        { 'x-forwarded-for': attacker },
      );
    }
    const other = await browser(behindProxy, proxy).send(
      'POST',
      '/api/auth/login',
      { email, password },
      { 'x-forwarded-for': randomAddress() },
    );
    expect(other.status).toBe(200);
    // Without TRUST_PROXY a forged header changes nothing: the socket's address counts.
    const direct = randomAddress();
    for (let attempt = 0; attempt < 6; attempt++) {
      await browser(app, direct).send(
        'POST',
        '/api/auth/login',
        { email: freshEmail(), password: `wrong ${attempt}` },
        { 'x-forwarded-for': randomAddress() },
      );
    }
    const forged = await browser(app, direct).send(
      'POST',
      '/api/auth/login',
      { email, password },
      { 'x-forwarded-for': randomAddress() },
    );
    expect(forged.status).toBe(429);
  });

  it('shares the throttle between server processes, per address across accounts', async () => {
    const { email } = await signedUp();
    const address = randomAddress();
    const first = browser(app, address);
    for (let attempt = 0; attempt < 4; attempt++) {
      // A new (unknown) account each time: only the address repeats.
      await first.send('POST', '/api/auth/login', {
        email: freshEmail(),
        password: `wrong ${attempt}`,
      });
    }
    const otherProcess = browser(createApp({ database: db() }), address);
    const res = await otherProcess.send('POST', '/api/auth/login', { email, password });
    expect(res.status).toBe(429);
    // Another address signs in to the same account at once.
    expect((await browser(app).send('POST', '/api/auth/login', { email, password })).status).toBe(
      200,
    );
  });

  it('logs out this session only, or every session', async () => {
    const { b, email } = await signedUp();
    const other = browser(app);
    expect((await other.send('POST', '/api/auth/login', { email, password })).status).toBe(200);
    expect((await b.send('POST', '/api/auth/logout')).status).toBe(204);
    expect((await b.send('GET', '/api/account')).status).toBe(401);
    expect((await other.send('GET', '/api/account')).status).toBe(200);
    const third = browser(app);
    await third.send('POST', '/api/auth/login', { email, password });
    expect((await third.send('POST', '/api/auth/logout-everywhere')).status).toBe(204);
    expect((await other.send('GET', '/api/account')).status).toBe(401);
  });

  it('a password change ends other sessions and keeps this device signed in', async () => {
    const { b, email } = await signedUp();
    const other = browser(app);
    await other.send('POST', '/api/auth/login', { email, password });
    const newPassword = 'an entirely new passphrase';
    expect(
      (
        await b.send('POST', '/api/auth/password', {
          currentPassword: 'wrong wrong wrong',
          newPassword,
        })
      ).status,
    ).toBe(403);
    expect(
      (await b.send('POST', '/api/auth/password', { currentPassword: password, newPassword }))
        .status,
    ).toBe(204);
    expect((await other.send('GET', '/api/account')).status).toBe(401);
    expect((await b.send('GET', '/api/account')).status).toBe(200);
    expect(
      (await browser(app).send('POST', '/api/auth/login', { email, password: newPassword })).status,
    ).toBe(200);
  });

  it('deletes the account and every synced record', async () => {
    const { b, email } = await signedUp();
    expect((await b.send('POST', '/api/sync/push', pushBody([ratingChange(1, 4)]))).status).toBe(
      200,
    );
    expect((await b.send('DELETE', '/api/account', { password: 'not my password' })).status).toBe(
      403,
    );
    expect((await b.send('DELETE', '/api/account', { password })).status).toBe(204);
    expect((await browser(app).send('POST', '/api/auth/login', { email, password })).status).toBe(
      401,
    );
    const again = await signedUp(email);
    const pulled = await again.b.send('GET', '/api/sync/pull?protocolVersion=1&since=0');
    expect(((await pulled.json()) as { changes: unknown[] }).changes).toEqual([]);
  });

  it('refuses forged and expired-looking cookies as signed out', async () => {
    const b = browser(app);
    for (const cookie of [
      'filmfold_session=abc',
      'filmfold_session=aaaa.bbbb',
      `filmfold_session=${'a'.repeat(32)}.${'b'.repeat(32)}`,
    ]) {
      b.cookie = cookie;
      expect((await b.send('GET', '/api/account')).status).toBe(401);
    }
  });

  it('refuses mutating requests from a foreign or missing Origin', async () => {
    for (const origin of ['https://evil.example', '']) {
      const res = await app.request(`${ORIGIN}/api/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
        body: JSON.stringify({ email: freshEmail(), password }),
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
    }
  });
});
