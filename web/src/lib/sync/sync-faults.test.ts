import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleStrayChanges, strayChanges, switchAccount } from '$lib/account/device-account';
import { getSetting } from '$lib/db/settings';
import { rate, setOnWatchlist, writeLocal } from '$lib/db/records';
import { testDb } from '$lib/db/test-db';
import { startTestServer, type TestServer } from '../../test-support/sync-server';
import { setAsideChanges, syncOnce } from './sync-run';
import { countUnsent, unsentChanges } from '$lib/db/outbox';

const MINUTE = 60_000;

/** The account id behind a session cookie, as the server says. */
async function accountOf(server: TestServer, cookie: string) {
  const res = await server.client(() => cookie).api.account.$get();
  const body = (await res.json()) as { id: string; email: string };
  return { id: body.id, email: body.email };
}

/** A client through a proxy that refuses (400) any push touching film `movieId`. */
const refusingFilm = (server: TestServer, cookie: string, movieId: number) =>
  server.client(
    () => cookie,
    async (request, send) => {
      if (request.url.includes('/push')) {
        const body = (await request.clone().json()) as { changes: { key: string }[] };
        if (body.changes.some((c) => c.key === String(movieId))) {
          return Response.json(
            { error: { code: 'invalid_request', message: `Film ${movieId} is not allowed.` } },
            { status: 400 },
          );
        }
      }
      return send();
    },
  );

describe('sync under faults, against the real server', () => {
  let server: TestServer;
  let alice = '';
  let bob = '';
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.signUp('alice@example.org');
    bob = await server.signUp('bob@example.org');
  });
  afterAll(() => server.close());

  it('a device whose clock is 10 minutes slow pulls a newer rating, edits it, and the edit sticks everywhere', async () => {
    const laptop = testDb();
    const phone = testDb();
    phone.wallClock = () => Date.now() - 10 * MINUTE;
    for (const db of [laptop, phone]) await switchAccount(db, await accountOf(server, alice));
    const client = server.client(() => alice);

    await rate(laptop, 20, 5);
    await syncOnce(laptop, client);
    await syncOnce(phone, client);
    expect((await phone.ratings.get(20))!.rating).toBe(5);
    await rate(phone, 20, 2);
    expect(await syncOnce(phone, client)).toMatchObject({ ok: true, pushed: 1 });
    await syncOnce(laptop, client);
    for (const db of [laptop, phone]) expect((await db.ratings.get(20))!.rating).toBe(2);
  });

  it('a device whose clock is an hour fast has its offline edits re-dated and accepted', async () => {
    const tablet = testDb();
    tablet.wallClock = () => Date.now() + 60 * MINUTE;
    await switchAccount(tablet, await accountOf(server, alice));
    await rate(tablet, 21, 3.5);
    const outcome = await syncOnce(
      tablet,
      server.client(() => alice),
    );
    expect(outcome).toMatchObject({ ok: true, pushed: 1, setAside: 0 });
    // Its next edit is stamped in the server's time, not an hour ahead.
    const [next] = await rate(tablet, 21, 4);
    expect(Date.parse(next!.hlc.slice(0, 24))).toBeLessThan(Date.now() + MINUTE);
    expect(
      await syncOnce(
        tablet,
        server.client(() => alice),
      ),
    ).toMatchObject({ ok: true });
    const other = testDb();
    await switchAccount(other, await accountOf(server, alice));
    await syncOnce(
      other,
      server.client(() => alice),
    );
    expect((await other.ratings.get(21))!.rating).toBe(4);
  });

  it('a device a few minutes fast, then an hour fast, keeps its second edit of a film', async () => {
    const tablet = testDb();
    let fast = 4 * MINUTE; // within what the server accepts
    tablet.wallClock = () => Date.now() + fast;
    await switchAccount(tablet, await accountOf(server, alice));
    const client = server.client(() => alice);
    await rate(tablet, 25, 2);
    expect(await syncOnce(tablet, client)).toMatchObject({ ok: true, pushed: 1 });
    // Someone sets the clock an hour ahead; the next edit is refused for drift and re-dated, but
    // must still land above the first edit, which was stamped four minutes ahead.
    fast = 64 * MINUTE;
    await rate(tablet, 25, 5);
    expect(await syncOnce(tablet, client)).toMatchObject({ ok: true, pushed: 1 });
    const other = testDb();
    await switchAccount(other, await accountOf(server, alice));
    await syncOnce(other, client);
    for (const db of [tablet, other]) expect((await db.ratings.get(25))!.rating).toBe(5);
  });

  it('never pushes one account’s unsent changes into another, and asks what to do with them', async () => {
    const shared = testDb();
    await switchAccount(shared, await accountOf(server, alice));
    const aliceClient = server.client(() => alice);
    const bobClient = server.client(() => bob);
    await rate(shared, 30, 1); // Alice's, never sent
    await switchAccount(shared, null);
    await rate(shared, 31, 2); // this device's, signed out
    const bobAccount = await accountOf(server, bob);
    await switchAccount(shared, bobAccount);
    await rate(shared, 32, 3); // Bob's

    expect(await strayChanges(shared, bobAccount.id)).toEqual({ signedOut: 1, otherAccounts: 1 });
    expect(await syncOnce(shared, bobClient)).toMatchObject({ ok: true, pushed: 1 });
    const bobsServer = testDb();
    await switchAccount(bobsServer, bobAccount);
    await syncOnce(bobsServer, bobClient);
    expect((await bobsServer.ratings.toArray()).map((r) => r.movieId)).toEqual([32]);

    // Keep: nothing is sent, and the question is not asked again for the same changes.
    await settleStrayChanges(shared, bobAccount.id, 'keep');
    expect(await strayChanges(shared, bobAccount.id)).toEqual({ signedOut: 0, otherAccounts: 0 });
    expect(await syncOnce(shared, bobClient)).toMatchObject({ ok: true, pushed: 0 });
    expect(await unsentChanges(shared)).toHaveLength(2);

    // Back as Alice: her change goes to her account, the signed-out one is asked about.
    const aliceAccount = await accountOf(server, alice);
    await switchAccount(shared, aliceAccount);
    expect(await strayChanges(shared, aliceAccount.id)).toEqual({ signedOut: 1, otherAccounts: 0 });
    expect(await syncOnce(shared, aliceClient)).toMatchObject({ ok: true, pushed: 1 });
    await settleStrayChanges(shared, aliceAccount.id, 'add');
    expect(await syncOnce(shared, aliceClient)).toMatchObject({ ok: true, pushed: 1 });
    expect(await shared.outbox.count()).toBe(0);
  });

  it('discarding stray changes drops them from the outbox and keeps the films on the device', async () => {
    const db = testDb();
    await rate(db, 40, 4.5); // signed out
    const bobAccount = await accountOf(server, bob);
    await switchAccount(db, bobAccount);
    await settleStrayChanges(db, bobAccount.id, 'discard');
    expect(await db.outbox.count()).toBe(0);
    expect((await db.ratings.get(40))!.rating).toBe(4.5);
  });

  it('sets aside a change the server refuses and pushes the rest', async () => {
    const db = testDb();
    await switchAccount(db, await accountOf(server, alice));
    await rate(db, 50, 3);
    await setOnWatchlist(db, 51, true);
    await rate(db, 52, 4);
    // A proxy (or an older server) refuses anything about film 51.
    const picky = refusingFilm(server, alice, 51);
    expect(await syncOnce(db, picky)).toMatchObject({ ok: true, pushed: 2, setAside: 1 });
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ refusal: 'Film 51 is not allowed.' });
    // Set aside, it blocks nothing: later edits go on.
    await rate(db, 53, 1);
    expect(await syncOnce(db, picky)).toMatchObject({ ok: true, pushed: 1, setAside: 0 });
  });

  it('sets aside the one refused change of an import batch and pushes the rest of it', async () => {
    const db = testDb();
    await switchAccount(db, await accountOf(server, alice));
    const batch = [54, 55, 56].map((movieId) => ({
      kind: 'rating' as const,
      key: String(movieId),
      value: { movieId, rating: 4, ratedAt: '2024-02-01T00:00:00.000Z' },
    }));
    await writeLocal(db, batch);
    const picky = refusingFilm(server, alice, 55);
    expect(await syncOnce(db, picky)).toMatchObject({ ok: true, pushed: 2, setAside: 1 });
    expect(await setAsideChanges(db)).toMatchObject([
      { change: { key: '55' }, refusal: 'Film 55 is not allowed.' },
    ]);
    expect(await countUnsent(db, (await accountOf(server, alice)).id)).toBe(0);
  });

  it('calls a 5xx server trouble, a dropped connection offline, and lets a bug through', async () => {
    const db = testDb();
    await switchAccount(db, await accountOf(server, alice));
    await rate(db, 60, 2);
    const failing = server.client(
      () => alice,
      async () => Response.json({ error: { code: 'internal', message: 'x' } }, { status: 503 }),
    );
    expect(await syncOnce(db, failing)).toMatchObject({ ok: false, reason: 'server-trouble' });
    const cut = server.client(
      () => alice,
      async () => {
        throw new TypeError('Failed to fetch');
      },
    );
    expect(await syncOnce(db, cut)).toMatchObject({ ok: false, reason: 'offline' });
    const buggy = server.client(
      () => alice,
      async (_request, send) => {
        const res = await send();
        return new Response('{"changes": nope', { status: res.status, headers: res.headers });
      },
    );
    await expect(syncOnce(db, buggy)).rejects.toThrow(SyntaxError);
    expect(await db.outbox.count()).toBe(1);
    expect(await getSetting(db, 'pendingPush')).toBeDefined();
  });
});
