import { beforeAll, expect, it } from 'vitest';
import { createApp, MAX_BODY_BYTES } from '../app';
import { describeOnEachDatabase } from '../db/test-databases';
import { browser, pushBody as push, ratingChange as change } from '../http/test-client';

const password = 'correct horse battery staple';
let counter = 0;
describeOnEachDatabase('sync routes', (db) => {
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = createApp({ database: db() });
  });

  async function signedIn() {
    const b = browser(app);
    const res = await b.send('POST', '/api/auth/signup', {
      email: `sync${Date.now()}${counter++}@example.org`,
      password,
    });
    expect(res.status).toBe(201);
    return b;
  }

  it('pushes and pulls for the signed-in person', async () => {
    const b = await signedIn();
    const pushed = await b.send('POST', '/api/sync/push', push([change(1, 4)]));
    expect(pushed.status).toBe(200);
    expect(await pushed.json()).toMatchObject({ applied: 1, isReplay: false });
    const pulled = await b.send('GET', '/api/sync/pull?protocolVersion=1&since=0');
    expect(await pulled.json()).toMatchObject({ changes: [change(1, 4)], hasMore: false });
  });

  it('compresses a long pull for a client that accepts gzip', async () => {
    const b = await signedIn();
    const changes = Array.from({ length: 200 }, (_, i) => change(i + 1, 4));
    expect((await b.send('POST', '/api/sync/push', push(changes))).status).toBe(200);
    const path = '/api/sync/pull?protocolVersion=1&since=0&limit=1000';
    const plain = await b.send('GET', path);
    const packed = await b.send('GET', path, undefined, { 'accept-encoding': 'gzip' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    const packedBytes = new Uint8Array(await packed.arrayBuffer());
    const unpacked = new Response(
      new Blob([packedBytes]).stream().pipeThrough(new DecompressionStream('gzip')),
    );
    const plainText = await plain.text();
    const withoutTime = (text: string) => ({ ...JSON.parse(text), serverTime: 0 }) as unknown;
    expect(withoutTime(await unpacked.text())).toEqual(withoutTime(plainText));
    expect(packedBytes.length).toBeLessThan(plainText.length / 4);
  });

  it('never shows or changes one person’s data through another’s session', async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    await alice.send('POST', '/api/sync/push', push([change(5, 5)]));
    await bob.send('POST', '/api/sync/push', push([change(5, 1, '0001')]));
    const alices = (await (
      await alice.send('GET', '/api/sync/pull?protocolVersion=1&since=0')
    ).json()) as { changes: { value: { rating: number } }[] };
    const bobs = (await (
      await bob.send('GET', '/api/sync/pull?protocolVersion=1&since=0')
    ).json()) as { changes: { value: { rating: number } }[] };
    expect(alices.changes.map((c) => c.value.rating)).toEqual([5]);
    expect(bobs.changes.map((c) => c.value.rating)).toEqual([1]);
  });

  it('asks an old app to update (426)', async () => {
    const b = await signedIn();
    const res = await b.send('POST', '/api/sync/push', push([], { protocolVersion: 0 }));
    expect(res.status).toBe(426);
    expect(await res.json()).toMatchObject({
      error: { code: 'update_required', message: expect.stringContaining('Update Filmfold') },
    });
    expect((await b.send('GET', '/api/sync/pull?protocolVersion=2&since=0')).status).toBe(426);
  });

  it.each([
    ['no session', async () => browser(app), push([]), 401],
    [
      'a clock far in the future',
      signedIn,
      push([{ ...change(1, 4), hlc: '2999-01-01T00:00:00.000Z-0000-deviceA1' }]),
      400,
    ],
    [
      'a bad change',
      signedIn,
      push([{ kind: 'rating', key: '1', value: { movieId: 1, rating: 11 }, hlc: 'x' }]),
      400,
    ],
    ['not JSON', signedIn, '{"protocolVersion": 1,', 400],
  ])('answers %s with a JSON error and no 500', async (_label, who, body, status) => {
    const b = await who();
    const res = await b.send('POST', '/api/sync/push', body);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
  });

  it('refuses another content type (415) and a body over the limit (413)', async () => {
    const b = await signedIn();
    expect(
      (await b.send('POST', '/api/sync/push', 'hello', { 'content-type': 'text/plain' })).status,
    ).toBe(415);
    const huge = await b.send(
      'POST',
      '/api/sync/push',
      JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) }),
    );
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});
