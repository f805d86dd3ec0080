import { expect, it } from 'vitest';
import { rateWindows } from '../db/schema';
import { describeOnEachDatabase } from '../db/test-databases';
import { sweepRetention } from '../services/retention';
import { RATE_WINDOW_MEMORY_MS, RateLimit } from './rate-limit';

const START = Date.parse('2024-03-01T10:00:00Z');

describeOnEachDatabase('RateLimit', (db) => {
  it('counts one window for every process: two limits on one database share it', async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 250)}-${START}`;
    // Two server processes: two objects, one table.
    const [one, two] = [1, 2].map(() => new RateLimit(db(), 'test', 3, 60_000));
    expect(await one!.take(address, START)).toBe(0);
    expect(await two!.take(address, START + 1_000)).toBe(0);
    expect(await one!.take(address, START + 2_000)).toBe(0);
    expect(await two!.take(address, START + 3_000)).toBe(57);
    expect(await one!.take('someone else', START + 3_000)).toBe(0);
    // A new window starts over.
    expect(await two!.take(address, START + 60_000)).toBe(0);
  });

  it('stores an address only as its hash, and retention forgets ended windows', async () => {
    const address = '203.0.113.77';
    await new RateLimit(db(), 'test', 3, 60_000).take(address, START);
    const keys = (await db().db.select().from(rateWindows)).map((row) => row.key);
    expect(keys.some((key) => key.includes('203.0.113'))).toBe(false);
    expect(keys.length).toBeGreaterThan(0);
    await sweepRetention(db(), new Date(START + RATE_WINDOW_MEMORY_MS + 120_000));
    // Other suites may count windows of their own (now) meanwhile: only this file's are looked at.
    const left = await db().db.select().from(rateWindows);
    expect(left.filter((row) => row.key.startsWith('test:'))).toEqual([]);
  });
});
