import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, trustProxySchema } from './client-address';
import { connectionFrom } from './test-client';

async function seenAs(trust: string, peer: string, forwardedFor?: string): Promise<string> {
  const app = new Hono().get('/', (c) => c.text(clientAddress(c, trustProxySchema.parse(trust))));
  const res = await app.request(
    '/',
    { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} },
    connectionFrom(peer),
  );
  return res.text();
}

describe('client address', () => {
  it('believes X-Forwarded-For only as far as TRUST_PROXY says', async () => {
    expect(await seenAs('false', '10.0.0.1', '203.0.113.9')).toBe('10.0.0.1');
    expect(await seenAs('1', '10.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    // A client that sends its own X-Forwarded-For cannot choose its address through one proxy.
    expect(await seenAs('1', '10.0.0.1', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(await seenAs('2', '10.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
    expect(await seenAs('10.0.0.1,10.0.0.2', '10.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.2')).toBe(
      '203.0.113.9',
    );
    // The peer is not a named proxy: the header is ignored.
    expect(await seenAs('10.0.0.9', '10.0.0.1', '203.0.113.9')).toBe('10.0.0.1');
    expect(await seenAs('3', '10.0.0.1')).toBe('10.0.0.1');
  });

  it('refuses a TRUST_PROXY that is neither a count nor addresses', () => {
    expect(trustProxySchema.safeParse('yes please').success).toBe(false);
  });
});
