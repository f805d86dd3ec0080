import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { feedbackSchema, FEEDBACK_KINDS } from './feedback';
import { movieSchema } from './movie';
import { parseWith } from './parse-result';
import { ratingSchema } from './rating';
import { movieTagSchema } from './tag';
import { viewingEntrySchema } from './viewing';
import { watchlistEntrySchema } from './watchlist';
import { changeSchema } from '../sync/protocol';
import { logInSchema } from './account';

const movieId = fc.integer({ min: 1, max: 2_000_000 });
const stars = fc.integer({ min: 1, max: 10 }).map((halves) => halves / 2);
const instant = fc
  .date({
    min: new Date('1995-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
const day = instant.map((s) => s.slice(0, 10));
const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
const title = text(80).filter((s) => s.trim().length > 0 && s === s.trim());

const arbitraries = {
  movie: fc.record({
    id: movieId,
    title,
    alternateTitles: fc.array(title, { maxLength: 3 }),
    year: fc.option(fc.integer({ min: 1870, max: 2100 }), { nil: null }),
    genres: fc.array(fc.constantFrom('Drama', 'Comedy', 'Sci-Fi', 'Film-Noir'), { maxLength: 4 }),
    imdbId: fc.option(
      fc.integer({ min: 1, max: 99_999_999 }).map((n) => `tt${String(n).padStart(7, '0')}`),
      { nil: null },
    ),
    tmdbId: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: null }),
  }),
  rating: fc.record({ movieId, rating: stars, ratedAt: instant }),
  feedback: fc.record({ movieId, kind: fc.constantFrom(...FEEDBACK_KINDS), givenAt: instant }),
  watchlist: fc.record({ movieId, addedAt: instant, note: text(100) }),
  viewing: fc.record({
    id: fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/),
    movieId,
    watchedOn: day,
    rating: fc.option(stars, { nil: null }),
    isRewatch: fc.boolean(),
    note: text(100),
    loggedAt: instant,
  }),
  tag: fc.record({ movieId, tag: title, taggedAt: instant }),
};

function roundTrips<S extends z.ZodType>(schema: S, arb: fc.Arbitrary<z.output<S>>) {
  fc.assert(
    fc.property(arb, (value) => {
      const parsed = parseWith(schema, JSON.parse(JSON.stringify(value)));
      expect(parsed).toEqual({ ok: true, value });
    }),
  );
}

describe('schemas round-trip through JSON', () => {
  it('Movie', () => roundTrips(movieSchema, arbitraries.movie));
  it('Rating', () => roundTrips(ratingSchema, arbitraries.rating));
  it('Feedback', () => roundTrips(feedbackSchema, arbitraries.feedback));
  it('WatchlistEntry', () => roundTrips(watchlistEntrySchema, arbitraries.watchlist));
  it('ViewingEntry', () => roundTrips(viewingEntrySchema, arbitraries.viewing));
  it('MovieTag', () => roundTrips(movieTagSchema, arbitraries.tag));
});

function errorOf(schema: z.ZodType, input: unknown): string {
  const parsed = parseWith(schema, input);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return parsed.error;
}

describe('schemas reject bad values with a readable message', () => {
  const good = { movieId: 1, rating: 4, ratedAt: '2024-05-01T20:15:00Z' };

  it('ratings outside 0.5-5 or off the half-star grid', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ max: 0.49, noNaN: true, noDefaultInfinity: true }),
          fc.double({ min: 5.01, noNaN: true, noDefaultInfinity: true }),
          fc.double({ min: 0.5, max: 5, noNaN: true }).filter((v) => !Number.isInteger(v * 2)),
        ),
        (rating) => {
          const error = errorOf(ratingSchema, { ...good, rating });
          expect(error).toMatch(/Ratings go (from 0\.5 to 5 stars|in half stars)/);
          expect(error).toContain('at rating');
        },
      ),
    );
  });

  it('a rating that is not a finite number', () => {
    for (const rating of ['4', Infinity, NaN, null]) {
      expect(errorOf(ratingSchema, { ...good, rating })).toContain(
        'A rating must be a number of stars.',
      );
    }
  });

  it('movie ids that are not positive whole numbers', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ max: 0 }), fc.double({ min: 0.01, max: 1e6, noInteger: true })),
        (id) => {
          expect(errorOf(ratingSchema, { ...good, movieId: id })).toMatch(/at movieId/);
        },
      ),
    );
  });

  it('times that are not ISO date-times', () => {
    for (const ratedAt of ['yesterday', '2024-13-01T00:00:00Z', '2024-05-01', 1714594500]) {
      expect(errorOf(ratingSchema, { ...good, ratedAt })).toMatch(
        /ISO 8601 date-time[\s\S]*at ratedAt/,
      );
    }
  });

  it('unknown feedback kinds, naming the allowed ones', () => {
    const error = errorOf(feedbackSchema, { movieId: 1, kind: 'meh', givenAt: good.ratedAt });
    expect(error).toContain('Feedback is one of: helpful, not-for-me, hide, already-seen.');
  });

  it('movies with an empty title, a bad IMDb id or an impossible year', () => {
    const movie = {
      id: 1,
      title: 'Heat',
      year: 1995,
      genres: ['Crime'],
      imdbId: 'tt0113277',
      tmdbId: 949,
    };
    expect(errorOf(movieSchema, { ...movie, title: '   ' })).toContain('A film needs a title.');
    expect(errorOf(movieSchema, { ...movie, imdbId: '113277' })).toContain(
      'An IMDb id looks like tt0114709.',
    );
    expect(errorOf(movieSchema, { ...movie, year: 1700 })).toContain('Films start in 1870.');
  });

  it('diary entries on a day that does not exist', () => {
    const entry = { id: 'abcdefgh', movieId: 1, watchedOn: '2023-02-30', loggedAt: good.ratedAt };
    expect(errorOf(viewingEntrySchema, entry)).toMatch(/calendar date[\s\S]*at watchedOn/);
  });
});

describe('storable text', () => {
  it('refuses NUL and lone surrogates in synced and account strings, and keeps real emoji', () => {
    for (const bad of ['a\u0000b', '\ud800', 'x\udc00y', '\ud83d']) {
      expect(
        changeSchema.safeParse({
          kind: 'watchlist',
          key: '2',
          value: { movieId: 2, addedAt: '2024-01-01T00:00:00Z', note: bad },
          hlc: '2024-01-01T00:00:00.000Z-0000-device1',
        }).success,
      ).toBe(false);
      expect(logInSchema.safeParse({ email: bad, password: 'x' }).success).toBe(false);
    }
    expect(
      watchlistEntrySchema.safeParse({ movieId: 2, addedAt: '2024-01-01T00:00:00Z', note: '🎬 ok' })
        .success,
    ).toBe(true);
  });
});
