import { createApp } from '@filmfold/sync-server/app';
import { type Database, openDatabase } from '@filmfold/sync-server/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '$lib/api/client';
import { getSetting } from '$lib/db/settings';
import { rate, setFavourite } from '$lib/db/records';
import { testDb } from '$lib/db/test-db';
import { syncOnce } from './sync-run';

const ORIGIN = 'http://filmfold.test';

/** A device's API client against the real app, with its own cookie, as a browser would send. */
function deviceClient(app: ReturnType<typeof createApp>, cookie: () => string) {
  return apiClient(ORIGIN, async (input, init) => {
    const request = new Request(input instanceof Request ? input : String(input), init);
    request.headers.set('origin', ORIGIN);
    request.headers.set('cookie', cookie());
    return app.request(request);
  });
}

describe('syncOnce against the real server', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let cookie = '';
  beforeAll(async () => {
    database = await openDatabase({});
    app = createApp({ database });
    const res = await app.request(`${ORIGIN}/api/auth/signup`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'two.devices@example.org',
        password: 'a long enough password',
      }),
    });
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterAll(() => database.close());

  it('carries one device’s ratings and favourites to another, and empties the outbox', async () => {
    const phone = testDb();
    const laptop = testDb();
    await rate(phone, 1, 4);
    await rate(phone, 2, 3.5);
    await setFavourite(phone, 2, true);
    await rate(laptop, 3, 5);

    expect(
      await syncOnce(
        phone,
        deviceClient(app, () => cookie),
      ),
    ).toEqual({
      ok: true,
      pushed: 3,
      pulled: 0,
      setAside: 0,
      repaired: 0,
      unrepaired: 0,
    });
    expect(await phone.outbox.count()).toBe(0);
    const laptopRound = await syncOnce(
      laptop,
      deviceClient(app, () => cookie),
    );
    expect(laptopRound).toMatchObject({ ok: true, pushed: 1, pulled: 3 });
    await syncOnce(
      phone,
      deviceClient(app, () => cookie),
    );

    for (const device of [phone, laptop]) {
      expect((await device.ratings.orderBy('movieId').toArray()).map((r) => r.rating)).toEqual([
        4, 3.5, 5,
      ]);
      expect(await device.favourites.count()).toBe(1);
    }
    expect(await getSetting(laptop, 'syncCursor')).toBeGreaterThan(0);
  });

  it('keeps the outbox and its mutation id when the push fails, and applies the retry once', async () => {
    const db = testDb();
    await rate(db, 10, 2);
    const broken = apiClient(ORIGIN, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await syncOnce(db, broken)).toMatchObject({ ok: false, reason: 'offline' });
    expect(await db.outbox.count()).toBe(1);
    const pending = await getSetting(db, 'pendingPush');
    expect(pending).toBeDefined();

    // The server applied the push but the answer was lost: the retry reuses the mutation id,
    // and the server answers it as a replay.
    let answersLost = true;
    const pushes: { mutationId: string; isReplay?: boolean }[] = [];
    const flaky = apiClient(ORIGIN, async (input, init) => {
      const request = new Request(input instanceof Request ? input : String(input), init);
      request.headers.set('origin', ORIGIN);
      request.headers.set('cookie', cookie);
      const isPush = request.url.includes('/push');
      const sent = isPush ? ((await request.clone().json()) as { mutationId: string }) : null;
      const answer = await app.request(request);
      if (sent) {
        const body = (await answer.clone().json()) as { isReplay: boolean };
        pushes.push({ mutationId: sent.mutationId, isReplay: body.isReplay });
      }
      if (answersLost && isPush) {
        answersLost = false;
        throw new TypeError('connection reset');
      }
      return answer;
    });
    expect(await syncOnce(db, flaky)).toMatchObject({ ok: false, reason: 'offline' });
    expect(await getSetting(db, 'pendingPush')).toEqual(pending);
    const retried = await syncOnce(db, flaky);
    expect(retried).toMatchObject({ ok: true });
    expect(pushes).toEqual([
      { mutationId: pending!.mutationId, isReplay: false },
      { mutationId: pending!.mutationId, isReplay: true },
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(await getSetting(db, 'pendingPush')).toBeUndefined();
  });

  it('says "signed out" when the session is gone, keeping every change', async () => {
    const db = testDb();
    await rate(db, 11, 1);
    expect(
      await syncOnce(
        db,
        deviceClient(app, () => ''),
      ),
    ).toMatchObject({
      ok: false,
      reason: 'signed-out',
    });
    expect(await db.outbox.count()).toBe(1);
  });
});
