import fc from 'fast-check';
import { FEEDBACK_KINDS } from '@filmfold/model';
import { describe, expect, it } from 'vitest';
import { testDb } from '$lib/db/test-db';
import {
  exportPersonalData,
  importPersonalData,
  type PersonalExport,
  personalCsv,
} from './personal-data';
import { unsentChanges } from '$lib/db/outbox';

const instant = fc
  .integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const day = instant.map((iso) => iso.slice(0, 10));
const stars = fc.integer({ min: 1, max: 10 }).map((half) => half / 2);
const movieIds = (max: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 200_000 }), { maxLength: max });

const exportArb: fc.Arbitrary<PersonalExport> = fc.record({
  format: fc.constant('filmfold-export' as const),
  version: fc.constant(1 as const),
  exportedAt: instant,
  ratings: movieIds(40).chain((ids) =>
    fc.tuple(
      ...ids.map((movieId) =>
        fc.record({ movieId: fc.constant(movieId), rating: stars, ratedAt: instant }),
      ),
    ),
  ),
  watchlist: movieIds(10).chain((ids) =>
    fc.tuple(
      ...ids.map((movieId) =>
        fc.record({
          movieId: fc.constant(movieId),
          addedAt: instant,
          note: fc.string({ maxLength: 40 }),
        }),
      ),
    ),
  ),
  favourites: movieIds(10).chain((ids) =>
    fc.tuple(
      ...ids.map((movieId) => fc.record({ movieId: fc.constant(movieId), addedAt: instant })),
    ),
  ),
  viewings: fc
    .uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/), { maxLength: 20 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(id),
            movieId: fc.integer({ min: 1, max: 200_000 }),
            watchedOn: day,
            rating: fc.option(stars, { nil: null }),
            isRewatch: fc.boolean(),
            note: fc.string({ maxLength: 80 }),
            loggedAt: instant,
          }),
        ),
      ),
    ),
  feedback: movieIds(10).chain((ids) =>
    fc.tuple(
      ...ids.map((movieId) =>
        fc.record({
          movieId: fc.constant(movieId),
          kind: fc.constantFrom(...FEEDBACK_KINDS),
          givenAt: instant,
        }),
      ),
    ),
  ),
});

const sorted = (data: PersonalExport) => ({
  ...data,
  exportedAt: '',
  ratings: [...data.ratings].sort((a, b) => a.movieId - b.movieId),
  watchlist: [...data.watchlist].sort((a, b) => a.movieId - b.movieId),
  favourites: [...data.favourites].sort((a, b) => a.movieId - b.movieId),
  viewings: [...data.viewings].sort((a, b) => (a.id < b.id ? -1 : 1)),
  feedback: [...data.feedback].sort((a, b) => a.movieId - b.movieId),
});

describe('personal data export', () => {
  it('imported into an empty profile, an export gives back identical data', async () => {
    await fc.assert(
      fc.asyncProperty(exportArb, async (original) => {
        const db = testDb();
        const file = JSON.parse(JSON.stringify(original)) as unknown;
        const outcome = await importPersonalData(db, file);
        expect(outcome.ok).toBe(true);
        expect(sorted(await exportPersonalData(db))).toEqual(sorted(original));
        // Imported records are local changes: they sync like anything made here.
        expect(await unsentChanges(db)).toHaveLength(
          original.ratings.length +
            original.watchlist.length +
            original.favourites.length +
            original.viewings.length +
            original.feedback.length,
        );
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a file that is not an export, or has a bad record, and changes nothing', async () => {
    const db = testDb();
    expect(await importPersonalData(db, { hello: 'world' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a Filmfold export'),
    });
    const bad = {
      format: 'filmfold-export',
      version: 1,
      exportedAt: '2024-01-01T00:00:00Z',
      ratings: [
        { movieId: 1, rating: 4, ratedAt: '2024-01-01T00:00:00Z' },
        { movieId: 2, rating: 7, ratedAt: '2024-01-01T00:00:00Z' },
      ],
      watchlist: [],
      favourites: [],
      viewings: [],
      feedback: [],
    };
    expect(await importPersonalData(db, bad)).toMatchObject({
      ok: false,
      message: expect.stringContaining('0.5 to 5'),
    });
    expect(await db.ratings.count()).toBe(0);
  });

  it('writes CSV with titles, quoting what needs it', () => {
    const data: PersonalExport = {
      format: 'filmfold-export',
      version: 1,
      exportedAt: '2024-01-01T00:00:00.000Z',
      ratings: [{ movieId: 1, rating: 4.5, ratedAt: '2024-05-01T20:15:00.000Z' }],
      watchlist: [
        { movieId: 2, addedAt: '2024-05-02T10:00:00.000Z', note: 'with "friends", soon' },
      ],
      favourites: [],
      viewings: [
        {
          id: 'viewing001',
          movieId: 1,
          watchedOn: '2024-05-01',
          rating: 4.5,
          isRewatch: false,
          note: '',
          loggedAt: '2024-05-01T22:00:00.000Z',
        },
      ],
      feedback: [],
    };
    const titles = new Map([
      [1, { title: 'Toy Story', year: 1995 }],
      [2, { title: 'Heat, the film', year: 1995 }],
    ]);
    const files = personalCsv(data, (id) => titles.get(id));
    expect(files['ratings.csv']).toBe(
      'movieId,title,year,rating,ratedAt\n1,Toy Story,1995,4.5,2024-05-01T20:15:00.000Z\n',
    );
    expect(files['watchlist.csv']).toBe(
      'movieId,title,year,addedAt,note\n2,"Heat, the film",1995,2024-05-02T10:00:00.000Z,"with ""friends"", soon"\n',
    );
    expect(files['diary.csv']).toContain('2024-05-01,1,Toy Story,1995,4.5,no,');
  });
});
