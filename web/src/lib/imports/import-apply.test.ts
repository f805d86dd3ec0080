// The whole import on a device database: the real parser reads a Letterboxd zip, the real
// matcher finds the films, the plan is written through records.ts (outbox included).
import { FilmMatcher, readExport } from '@filmfold/model/imports';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { testDb } from '$lib/db/test-db';
import { applyImport, deviceHoldings, IMPORT_BATCH } from './import-apply';
import { type MatchedRecord, planImport } from './import-plan';
import { unsentChanges } from '$lib/db/outbox';

const catalog = new FilmMatcher(
  Array.from({ length: 2600 }, (_, i) => ({
    id: i + 1,
    title: i === 0 ? 'Heat' : `Film ${i + 1}`,
    alternateTitles: [],
    year: i === 0 ? 1995 : 2000,
    imdbId: null,
    tmdbId: null,
    ratingCount: 1,
  })),
);

function letterboxdZip(rated: number) {
  const ratings = ['Date,Name,Year,Letterboxd URI,Rating'];
  for (let i = 2; i <= rated + 1; i++)
    ratings.push(`2024-01-05,Film ${i},2000,https://boxd.it/${i},${(i % 10) / 2 + 0.5}`);
  const diary = [
    'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date',
    '2024-01-05,Heat,1995,https://boxd.it/e1,4.5,,,2024-01-04',
    '2024-06-01,Heat,1995,https://boxd.it/e2,5,Yes,,2024-05-31',
  ];
  return zipSync({
    'ratings.csv': strToU8(ratings.join('\n')),
    'diary.csv': strToU8(diary.join('\n')),
  });
}

function matched(rated: number): MatchedRecord[] {
  const parsed = readExport([{ name: 'letterboxd.zip', bytes: letterboxdZip(rated) }]);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.records.flatMap((r) => {
    const outcome = catalog.match(r.film);
    return outcome.status === 'matched' ? [{ ...r, movieId: outcome.movieId }] : [];
  });
}

describe('importing onto the device', () => {
  it('writes ratings and diary as local edits that sync, and a second import changes nothing', async () => {
    const db = testDb();
    const records = matched(2500);
    const plan = planImport(records, await deviceHoldings(db), 'newer', '2025-01-01T00:00:00.000Z');
    const progress: number[] = [];
    expect(await applyImport(db, plan, (done) => progress.push(done))).toBe(2502);
    // One step per batch, each a transaction of its own.
    expect(progress).toEqual([
      ...Array.from(
        { length: Math.floor(2502 / IMPORT_BATCH) },
        (_, i) => ((i + 1) * IMPORT_BATCH) / 2502,
      ),
      1,
    ]);
    expect(await db.ratings.count()).toBe(2500);
    expect(
      (await db.viewings.where('movieId').equals(1).sortBy('watchedOn')).map((v) => [
        v.watchedOn,
        v.isRewatch,
      ]),
    ).toEqual([
      ['2024-01-04', false],
      ['2024-05-31', true],
    ]);
    expect(await unsentChanges(db)).toHaveLength(2502);

    const again = planImport(
      records,
      await deviceHoldings(db),
      'newer',
      '2025-01-02T00:00:00.000Z',
    );
    expect(again.changes).toEqual([]);
  });

  it('stops between batches when asked, and importing again finishes the rest', async () => {
    const db = testDb();
    const records = matched(2500);
    const stop = new AbortController();
    const plan = planImport(records, await deviceHoldings(db), 'newer', '2025-01-01T00:00:00.000Z');
    const written = await applyImport(db, plan, () => stop.abort(), stop.signal);
    expect(written).toBe(IMPORT_BATCH);
    const rest = planImport(records, await deviceHoldings(db), 'newer', '2025-01-01T00:00:00.000Z');
    expect(rest.changes).toHaveLength(2502 - IMPORT_BATCH);
    await applyImport(db, rest);
    expect(await db.ratings.count()).toBe(2500);
    expect(await db.viewings.count()).toBe(2);
  });
});
