// Runs in Node. One careful GET to a metadata provider: throttled, retried on 429 (honouring
// Retry-After) and 5xx (with back-off), timed out, and validated; every failure is a value.
import type { z } from 'zod';
import type { Clock } from './token-bucket';
import type { TokenBucket } from './token-bucket';

export type ProviderFailure =
  'bad-key' | 'not-found' | 'rate-limited' | 'unavailable' | 'malformed';

export type ProviderResult<T> =
  { ok: true; value: T } | { ok: false; reason: ProviderFailure; message: string };

export interface FetchPolicy {
  bucket: TokenBucket;
  clock: Clock;
  timeoutMs: number;
  /** Attempts after the first, for 429 and 5xx. */
  retries: number;
  /** Longest wait for the throttle before answering rate-limited (default: wait as long as it takes). */
  maxWaitMs?: number;
  fetch?: typeof fetch;
}

/** What a provider answered most recently, for /api/health. */
export interface ProviderHealth {
  state: 'ok' | 'degraded' | 'unconfigured';
  reason?: ProviderFailure;
  at?: string;
}

const fail = (reason: ProviderFailure, message: string) =>
  ({ ok: false, reason, message }) as const;

export async function providerGet<S extends z.ZodType>(
  url: URL,
  init: RequestInit,
  schema: S,
  policy: FetchPolicy,
): Promise<ProviderResult<z.output<S>>> {
  const doFetch = policy.fetch ?? fetch;
  for (let attempt = 0; ; attempt++) {
    if (!(await policy.bucket.take(policy.maxWaitMs)))
      return fail('rate-limited', `This server's allowance at ${url.host} is used up for now.`);
    let res: Response;
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.timeout(policy.timeoutMs) });
    } catch {
      if (attempt < policy.retries) {
        await policy.clock.sleep(500 * 2 ** attempt);
        continue;
      }
      return fail('unavailable', `No answer from ${url.host} in ${policy.timeoutMs} ms.`);
    }
    if (res.status === 429) {
      const wait = Number(res.headers.get('retry-after') ?? '2');
      const ms = (Number.isFinite(wait) && wait >= 0 ? wait : 2) * 1000;
      await res.body?.cancel();
      if (attempt >= policy.retries)
        return fail('rate-limited', `${url.host} is limiting requests.`);
      policy.bucket.pause(ms);
      continue;
    }
    if (res.status >= 500) {
      await res.body?.cancel();
      if (attempt >= policy.retries)
        return fail('unavailable', `${url.host} answered ${res.status}.`);
      await policy.clock.sleep(500 * 2 ** attempt);
      continue;
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      return fail('bad-key', `${url.host} refused the API key.`);
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return fail('not-found', `${url.host} has no such record.`);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return fail('malformed', `${url.host} sent a body that is not JSON.`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return fail('malformed', `${url.host} sent an unexpected shape.`);
    return { ok: true, value: parsed.data };
  }
}
