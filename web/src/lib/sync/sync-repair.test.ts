import { digestResponseSchema } from '@filmfold/model';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { switchAccount } from '$lib/account/device-account';
import type { FilmfoldDb } from '$lib/db/database';
import { rate } from '$lib/db/records';
import { getSetting, putSetting } from '$lib/db/settings';
import { testDb } from '$lib/db/test-db';
import { startTestServer, type TestServer } from '../../test-support/sync-server';
import { syncOnce } from './sync-run';

describe('divergence found by digest and repaired, against the real server', () => {
  let server: TestServer;
  let cookie = '';
  let account = { id: '', email: '' };
  beforeAll(async () => {
    server = await startTestServer();
    cookie = await server.signUp('digest@example.org');
    const res = await server.client(() => cookie).api.account.$get();
    account = (await res.json()) as typeof account;
  });
  afterAll(() => server.close());

  const device = async () => {
    const db = testDb();
    await switchAccount(db, account);
    return db;
  };
  const sync = (db: FilmfoldDb) =>
    syncOnce(
      db,
      server.client(() => cookie),
    );
  const stars = async (db: FilmfoldDb, movieId: number) => (await db.ratings.get(movieId))?.rating;

  it('a device whose cursor skipped a change gets it back from the bucket that differs', async () => {
    const phone = await device();
    const laptop = await device();
    await rate(phone, 1, 2);
    await sync(phone);
    await rate(laptop, 1, 5);
    await rate(laptop, 2, 3);
    await sync(laptop);
    // A bug (or a lost page) moved the phone's cursor past what it never applied.
    const { cursor } = await (
      await server
        .client(() => cookie)
        .api.sync.pull.$get({
          query: { protocolVersion: '1', since: '0', limit: '1000' },
        })
    ).json();
    await putSetting(phone, 'syncCursor', cursor);

    const outcome = await sync(phone);
    expect(outcome).toMatchObject({ ok: true, pulled: 0, repaired: 2, unrepaired: 0 });
    expect([await stars(phone, 1), await stars(phone, 2)]).toEqual([5, 3]);
    // Once repaired, the next round finds nothing to do.
    expect(await sync(phone)).toMatchObject({ ok: true, repaired: 0, unrepaired: 0 });
  });

  it('a server that lost a change (restored from an older backup) gets it sent again', async () => {
    const phone = await device();
    await rate(phone, 10, 4.5);
    await rate(phone, 11, 1);
    await sync(phone);
    await server.database.db.execute(
      sql`delete from sync_cells where user_id = ${account.id} and key = '10'`,
    );
    // The restored server's change log is also behind the phone's cursor.
    await putSetting(phone, 'syncCursor', ((await getSetting(phone, 'syncCursor')) ?? 0) + 1000);

    expect(await sync(phone)).toMatchObject({ ok: true, pushed: 1, repaired: 1, unrepaired: 0 });
    const fresh = await device();
    await sync(fresh);
    expect([await stars(fresh, 10), await stars(fresh, 11)]).toEqual([4.5, 1]);
    // The phone pulls from where the server's log is now, so later changes come the plain way.
    await rate(fresh, 12, 2);
    await sync(fresh);
    expect(await getSetting(phone, 'syncCursor')).toBeLessThanOrEqual(
      (await getSetting(fresh, 'syncCursor'))!,
    );
  });

  it('never sends another account’s value to repair this one', async () => {
    // One device, two people: this account rated film 20, then the other account's newer
    // rating of film 20 arrived on the device when the other person signed in.
    const shared = await device();
    await rate(shared, 20, 5);
    await sync(shared);
    const otherCookie = await server.signUp('other@example.org');
    const otherClient = server.client(() => otherCookie);
    const other = (await (await otherClient.api.account.$get()).json()) as typeof account;
    const othersPhone = testDb();
    await switchAccount(othersPhone, other);
    await rate(othersPhone, 20, 1);
    await syncOnce(othersPhone, otherClient);
    await switchAccount(shared, other);
    await syncOnce(shared, otherClient);
    expect(await stars(shared, 20)).toBe(1);

    // Back to the first account, whose server has since lost film 20.
    await server.database.db.execute(
      sql`delete from sync_cells where user_id = ${account.id} and key = '20'`,
    );
    await switchAccount(shared, account);
    expect(await sync(shared)).toMatchObject({ ok: true, pushed: 0, unrepaired: 0 });
    const held = await (
      await server
        .client(() => cookie)
        .api.sync.pull.$get({
          query: { protocolVersion: '1', since: '0', limit: '1000' },
        })
    ).json();
    expect(held.changes.filter((c) => c.key === '20')).toEqual([]);
  });

  it('says so when a difference cannot be repaired', async () => {
    const phone = await device();
    await rate(phone, 30, 3);
    // A server (or proxy) whose digest never matches what it serves.
    const lying = server.client(
      () => cookie,
      async (request, send) => {
        const res = await send();
        if (!request.url.includes('/sync/digest')) return res;
        const body = digestResponseSchema.parse(await res.json());
        return Response.json({ ...body, digest: body.digest.map(() => 'ffffffffffffffff') });
      },
    );
    const outcome = await syncOnce(phone, lying);
    expect(outcome).toMatchObject({ ok: true, unrepaired: 32 });
    expect(await stars(phone, 30)).toBe(3);
  });
});
