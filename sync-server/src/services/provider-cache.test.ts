import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../db/test-databases';
import type { ProviderResult } from '../providers/provider-fetch';
import { cachedFetch, settleRevalidations } from './provider-cache';

let keys = 0;
const freshKey = () => `test:${Date.now()}:${keys++}`;

describeOnEachDatabase('the provider cache', (db) => {
  /** A provider that counts its calls and answers `value`, or fails. */
  function provider(value: unknown, ok = true) {
    const calls = { count: 0 };
    const fetchFresh = async (): Promise<ProviderResult<unknown>> => {
      calls.count++;
      return ok ? { ok: true, value } : { ok: false, reason: 'unavailable', message: 'down' };
    };
    return { calls, fetchFresh };
  }

  it('asks the provider once, then serves hits from the database with no request', async () => {
    const key = freshKey();
    const { calls, fetchFresh } = provider({ title: 'Heat' });
    const t0 = new Date('2025-01-01T00:00:00Z');
    expect(await cachedFetch(db(), key, 60_000, fetchFresh, t0)).toMatchObject({
      ok: true,
      source: 'provider',
    });
    for (let i = 0; i < 5; i++) {
      expect(
        await cachedFetch(db(), key, 60_000, fetchFresh, new Date(t0.getTime() + 1000 * i)),
      ).toEqual({
        ok: true,
        value: { title: 'Heat' },
        source: 'cache',
      });
    }
    expect(calls.count).toBe(1);
  });

  it('serves a stale answer at once and refreshes it in the background', async () => {
    const key = freshKey();
    const t0 = new Date('2025-01-01T00:00:00Z');
    await cachedFetch(db(), key, 60_000, provider({ v: 1 }).fetchFresh, t0);
    const newer = provider({ v: 2 });
    const later = new Date(t0.getTime() + 120_000);
    expect(await cachedFetch(db(), key, 60_000, newer.fetchFresh, later)).toMatchObject({
      value: { v: 1 },
      source: 'stale',
    });
    await settleRevalidations();
    expect(newer.calls.count).toBe(1);
    expect(await cachedFetch(db(), key, 60_000, newer.fetchFresh, new Date())).toMatchObject({
      value: { v: 2 },
      source: 'cache',
    });
  });

  it('keeps the old answer when a refresh fails, and stores nothing for a failure', async () => {
    const key = freshKey();
    const t0 = new Date('2025-01-01T00:00:00Z');
    await cachedFetch(db(), key, 60_000, provider({ v: 1 }).fetchFresh, t0);
    await cachedFetch(
      db(),
      key,
      60_000,
      provider(null, false).fetchFresh,
      new Date(t0.getTime() + 120_000),
    );
    await settleRevalidations();
    expect(
      await cachedFetch(
        db(),
        key,
        60_000,
        provider({ v: 9 }).fetchFresh,
        new Date(t0.getTime() + 130_000),
      ),
    ).toMatchObject({
      value: { v: 1 },
    });
    const other = freshKey();
    const failing = provider(null, false);
    expect(await cachedFetch(db(), other, 60_000, failing.fetchFresh)).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
    expect(await cachedFetch(db(), other, 60_000, failing.fetchFresh)).toMatchObject({ ok: false });
    expect(failing.calls.count).toBe(2);
    await settleRevalidations();
  });
});
