// Runs in Node. Who is asking, by network address: the socket's peer, or (behind a reverse proxy
// that TRUST_PROXY names) the client that the proxies say they forwarded for.
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { z } from 'zod';

/** How far to believe X-Forwarded-For: not at all, a number of proxy hops, or named proxies. */
export type TrustProxy =
  { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; addresses: Set<string> };

/** TRUST_PROXY: unset/false (off), a hop count (1 = one proxy in front), or proxy addresses. */
export const trustProxySchema = z
  .string()
  .default('false')
  .transform((text, ctx): TrustProxy => {
    const value = text.trim().toLowerCase();
    if (value === '' || value === 'false' || value === '0') return { kind: 'none' };
    if (/^\d+$/.test(value)) return { kind: 'hops', hops: Number(value) };
    const addresses = value.split(',').map((a) => a.trim());
    const bad = addresses.filter((a) => isIP(a) === 0);
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'TRUST_PROXY is false, a number of proxy hops, or comma-separated IP addresses.',
      });
      return z.NEVER;
    }
    return { kind: 'addresses', addresses: new Set(addresses) };
  });

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // requests made in-process (tests) have no socket
  }
}

/** The client's address as `trust` allows it to be read; never stored, only hashed or counted. */
export function clientAddress(c: Context, trust: TrustProxy): string {
  const peer = socketAddress(c);
  if (trust.kind === 'none') return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  // Nearest last: what each hop saw, then the peer that connected to us.
  const chain = [...forwarded, peer];
  if (trust.kind === 'hops') return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  for (let i = chain.length - 1; i > 0; i--) {
    if (!trust.addresses.has(chain[i]!)) return chain[i]!;
  }
  return chain[0]!;
}
