import { createApp } from '@filmfold/sync-server/app';
import { type Database, openDatabase } from '@filmfold/sync-server/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '$lib/api/client';
import { rate } from '$lib/db/records';
import { getSetting } from '$lib/db/settings';
import { testDb } from '$lib/db/test-db';
import { ROTATE_EVERY_MS, sendContribution, setContributing } from './contribution';

const ORIGIN = 'http://filmfold.test';

describe('anonymous contribution against the real server', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  const sent: { method: string; url: string; credentials?: string; body: unknown }[] = [];
  beforeAll(async () => {
    database = await openDatabase({});
    app = createApp({ database });
  });
  afterAll(() => database.close());

  const client = apiClient(ORIGIN, async (input, init) => {
    const request = new Request(input instanceof Request ? input : String(input), init);
    request.headers.set('origin', ORIGIN); // a browser sends its Origin, cookies or not
    const body = request.method === 'POST' ? await request.clone().json() : null;
    sent.push({ method: request.method, url: request.url, credentials: init?.credentials, body });
    return app.request(request);
  });

  it('is off by default and sends nothing', async () => {
    const db = testDb();
    await rate(db, 1, 4);
    expect(await sendContribution(db, client)).toMatchObject({ ok: false, reason: 'off' });
    expect(sent).toHaveLength(0);
  });

  it('when turned on, sends ratings without credentials under a random id, dated to the day', async () => {
    const db = testDb();
    await rate(db, 1, 4);
    await rate(db, 2, 2.5);
    expect(await setContributing(db, client, true)).toEqual({ ok: true, sent: 2 });
    const upload = sent.at(-1)!;
    expect(upload).toMatchObject({ method: 'POST', credentials: 'omit' });
    const body = upload.body as { contributorId: string; ratings: { ratedOn: string }[] };
    expect(body.contributorId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(body.contributorId).toBe((await getSetting(db, 'contribution'))!.contributorId);
    for (const rating of body.ratings) expect(rating.ratedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(body)).not.toMatch(/T\d{2}:/);
  });

  it('waits a day between sends unless forced, and rotates its id each month', async () => {
    const db = testDb();
    await rate(db, 3, 5);
    await setContributing(db, client, true);
    const first = (await getSetting(db, 'contribution'))!;
    const count = sent.length;
    expect(await sendContribution(db, client, { force: false })).toEqual({ ok: true, sent: 0 });
    expect(sent.length).toBe(count);
    const later = Date.parse(first.since) + ROTATE_EVERY_MS + 1000;
    expect(await sendContribution(db, client, { force: false, now: later })).toEqual({
      ok: true,
      sent: 1,
    });
    const [withdrawal, upload] = sent.slice(count);
    expect(withdrawal).toMatchObject({ method: 'DELETE', credentials: 'omit' });
    expect(withdrawal!.url).toContain(first.contributorId);
    expect((upload!.body as { contributorId: string }).contributorId).not.toBe(first.contributorId);
  });

  it('stops at once when turned off, and can withdraw what was sent', async () => {
    const db = testDb();
    await rate(db, 4, 3);
    await setContributing(db, client, true);
    const { contributorId } = (await getSetting(db, 'contribution'))!;
    await setContributing(db, client, false, { shouldWithdraw: true });
    expect(sent.at(-1)).toMatchObject({ method: 'DELETE' });
    expect(sent.at(-1)!.url).toContain(contributorId);
    const count = sent.length;
    expect(await sendContribution(db, client)).toMatchObject({ ok: false, reason: 'off' });
    expect(sent.length).toBe(count);
  });
});
