// Export to another service's format and import again: the same ratings, diary and watchlist.
import { FilmMatcher, readExport } from '@filmfold/model/imports';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MatchedRecord, planImport } from '$lib/imports/import-plan';
import type { PersonalExport } from './personal-data';
import { imdbCsv, letterboxdCsv } from './service-export';

const films = Array.from({ length: 40 }, (_, i) => ({
  id: i + 1,
  // Titles that repeat (remakes) and need quoting, so only the ids can tell them apart.
  title: ['Heat', 'Hamlet', 'Crouching Tiger, Hidden Dragon', 'The "Best" Film'][i % 4]!,
  alternateTitles: [],
  year: 1990 + (i % 3),
  imdbId: `tt${String(1000000 + i).padStart(7, '0')}`,
  tmdbId: 500 + i,
  ratingCount: 1,
}));
const byId = new Map(films.map((f) => [f.id, f]));
const matcher = new FilmMatcher(films);
const AT = '2025-01-01T00:00:00.000Z';

const movieId = fc.integer({ min: 1, max: films.length });
const stars = fc.integer({ min: 1, max: 10 }).map((n) => n / 2);
const day = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2024-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const history = fc.record({
  ratings: fc.uniqueArray(fc.record({ movieId, rating: stars }), {
    selector: (r) => r.movieId,
    maxLength: 30,
  }),
  viewings: fc.array(
    fc.record({
      movieId,
      watchedOn: day,
      rating: fc.option(stars, { nil: null }),
      isRewatch: fc.boolean(),
    }),
    { maxLength: 30 },
  ),
  watchlist: fc.uniqueArray(movieId, { maxLength: 10 }),
});

type History = {
  ratings: { movieId: number; rating: number }[];
  viewings: { movieId: number; watchedOn: string; rating: number | null; isRewatch: boolean }[];
  watchlist: number[];
};

function asExport(h: History): PersonalExport {
  return {
    format: 'filmfold-export',
    version: 1,
    exportedAt: AT,
    ratings: h.ratings.map((r) => ({ ...r, ratedAt: AT })),
    watchlist: h.watchlist.map((id) => ({ movieId: id, addedAt: AT, note: '' })),
    favourites: [],
    viewings: h.viewings.map((v, i) => ({ ...v, id: `viewing-${i}`, note: '', loggedAt: AT })),
    feedback: [],
  };
}

function reimport(files: Record<string, string>) {
  const picked = Object.entries(files).map(([name, text]) => ({
    name,
    bytes: new TextEncoder().encode(text),
  }));
  const result = readExport(picked);
  if (!result.ok) throw new Error(result.error.message);
  const matched: MatchedRecord[] = result.value.records.map((r) => {
    const outcome = matcher.match(r.film);
    if (outcome.status !== 'matched') throw new Error(`${r.film.title} did not match`);
    return { ...r, movieId: outcome.movieId };
  });
  const empty = {
    ratings: new Map(),
    watchlist: new Set<number>(),
    favourites: new Set<number>(),
    viewings: new Map(),
    feedback: new Set<number>(),
  };
  return planImport(matched, empty, 'theirs', AT).changes;
}

const sortedViewings = (
  rows: { movieId: number; watchedOn: string; rating: number | null; isRewatch: boolean }[],
) => rows.map((v) => `${v.movieId}|${v.watchedOn}|${v.rating}|${v.isRewatch}`).sort();

describe('export to another service and back', () => {
  it('Letterboxd import CSV: the same ratings, diary and watchlist', () => {
    fc.assert(
      fc.property(history, (h) => {
        const data = asExport(h);
        const files = letterboxdCsv(data, (id) => byId.get(id));
        if (!h.ratings.length && !h.viewings.length && !h.watchlist.length) {
          // Nothing exported: the import says so rather than importing nothing quietly.
          expect(() => reimport(files)).toThrow('holds no films');
          return;
        }
        const changes = reimport(files);
        const values = (kind: string) =>
          changes.filter((c) => c.kind === kind).map((c) => c.value as never);
        expect(
          new Map(
            values('rating').map((r: { movieId: number; rating: number }) => [r.movieId, r.rating]),
          ),
        ).toEqual(new Map(data.ratings.map((r) => [r.movieId, r.rating])));
        expect(sortedViewings(values('viewing'))).toEqual(sortedViewings(data.viewings));
        expect(new Set(values('watchlist').map((w: { movieId: number }) => w.movieId))).toEqual(
          new Set(h.watchlist),
        );
      }),
      { numRuns: 100, examples: [[{ ratings: [], viewings: [], watchlist: [] }]] },
    );
  });

  it('IMDb CSV: the same ratings, on its 1-10 scale', () => {
    fc.assert(
      fc.property(history, (h) => {
        const data = asExport(h);
        const { csv, leftOut } = imdbCsv(data, (id) => byId.get(id));
        expect(leftOut).toBe(0);
        if (data.ratings.length === 0) return;
        const changes = reimport({ 'ratings.csv': csv });
        expect(
          new Map(changes.map((c) => [Number(c.key), (c.value as { rating: number }).rating])),
        ).toEqual(new Map(data.ratings.map((r) => [r.movieId, r.rating])));
      }),
      { numRuns: 100 },
    );
  });
});
