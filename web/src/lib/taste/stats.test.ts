import type { Favourite, Rating, ViewingEntry } from '@filmfold/model';
import { describe, expect, it } from 'vitest';
import { localDay, weekStart } from './local-dates';
import {
  type Activity,
  activity,
  communityGenreCounts,
  decadeStats,
  genreStats,
  peopleStats,
  ratingDistribution,
  yearInReview,
} from './stats';

const films = new Map([
  [1, { title: 'Heat', year: 1995, genres: ['Action', 'Crime'], ratingCount: 100 }],
  [2, { title: 'Amélie', year: 2001, genres: ['Comedy', 'Romance'], ratingCount: 50 }],
  [3, { title: 'Alien', year: 1979, genres: ['Horror', 'Sci-Fi'], ratingCount: 150 }],
  [4, { title: 'Unknown year', year: null, genres: [], ratingCount: 0 }],
]);
const community = communityGenreCounts(films.values());
const rating = (movieId: number, stars: number, ratedAt: string): Rating => ({
  movieId,
  rating: stars,
  ratedAt,
});
const viewing = (movieId: number, watchedOn: string): ViewingEntry => ({
  id: `view${movieId}${watchedOn.replace(/-/g, '')}`,
  movieId,
  watchedOn,
  rating: null,
  isRewatch: false,
  note: '',
  loggedAt: `${watchedOn}T22:00:00Z`,
});

const favourite = (movieId: number, addedAt: string): Favourite => ({ movieId, addedAt });
const of = (
  ratings: Rating[],
  viewings: ViewingEntry[] = [],
  favourites: Favourite[] = [],
): Activity => ({ ratings, viewings, favourites });

describe('with no history', () => {
  it('every statistic is empty, not an error', () => {
    expect(ratingDistribution([])).toEqual({ counts: new Array(10).fill(0), total: 0, mean: null });
    expect(genreStats([], films, community)).toEqual([]);
    expect(decadeStats([], films)).toEqual([]);
    expect(activity([], [], 'month', 'UTC')).toEqual([]);
    expect(yearInReview(2024, of([]), films, 'UTC')).toEqual({
      year: 2024,
      filmsWatched: 0,
      viewings: 0,
      ratingsGiven: 0,
      topRated: [],
      newFavourites: [],
      genreShifts: [],
      longestStreak: 0,
    });
  });
});

describe('with one rating', () => {
  const one = [rating(1, 4.5, '2024-03-10T12:00:00Z')];
  it('counts it once everywhere', () => {
    expect(ratingDistribution(one)).toMatchObject({ total: 1, mean: 4.5 });
    expect(ratingDistribution(one).counts[8]).toBe(1);
    expect(genreStats(one, films, community)).toEqual([
      { genre: 'Action', count: 1, mean: 4.5, share: 0.5, communityShare: 100 / 600 },
      { genre: 'Crime', count: 1, mean: 4.5, share: 0.5, communityShare: 100 / 600 },
    ]);
    expect(decadeStats(one, films)).toEqual([{ decade: 1990, count: 1, mean: 4.5 }]);
    // Rated that year, so seen that year; a high rating alone is not a favourite.
    expect(yearInReview(2024, of(one), films, 'UTC')).toMatchObject({
      filmsWatched: 1,
      ratingsGiven: 1,
      newFavourites: [],
      genreShifts: [],
      longestStreak: 1,
    });
  });
});

describe('ties', () => {
  it('order genres by count then name, top ratings by stars then date', () => {
    const tied = [
      rating(2, 4, '2024-01-02T10:00:00Z'),
      rating(1, 4, '2024-01-01T10:00:00Z'),
      rating(3, 5, '2024-01-03T10:00:00Z'),
    ];
    expect(genreStats(tied, films, community).map((g) => g.genre)).toEqual([
      'Action',
      'Comedy',
      'Crime',
      'Horror',
      'Romance',
      'Sci-Fi',
    ]);
    expect(yearInReview(2024, of(tied), films, 'UTC').topRated).toEqual([
      { movieId: 3, rating: 5 },
      { movieId: 1, rating: 4 },
      { movieId: 2, rating: 4 },
    ]);
  });

  it('skips films without a year in decades', () => {
    expect(
      decadeStats(
        [rating(4, 3, '2024-01-01T00:00:00Z'), rating(3, 2, '2024-01-01T00:00:00Z')],
        films,
      ),
    ).toEqual([{ decade: 1970, count: 1, mean: 2 }]);
  });
});

describe('time zones at day boundaries', () => {
  const lateNight = '2023-12-31T23:30:00Z';
  it('puts an instant on the local day', () => {
    expect(localDay(lateNight, 'UTC')).toBe('2023-12-31');
    expect(localDay(lateNight, 'Europe/Berlin')).toBe('2024-01-01');
    expect(localDay('2024-01-01T03:00:00Z', 'America/New_York')).toBe('2023-12-31');
  });

  it('counts a New Year’s Eve rating in the year it was in the person’s zone', () => {
    const ratings = [rating(1, 5, lateNight)];
    expect(yearInReview(2024, of(ratings), films, 'Europe/Berlin').ratingsGiven).toBe(1);
    expect(yearInReview(2024, of(ratings), films, 'UTC').ratingsGiven).toBe(0);
    expect(activity(ratings, [], 'month', 'Europe/Berlin')).toEqual([
      { start: '2024-01-01', ratings: 1, viewings: 0 },
    ]);
    expect(activity(ratings, [], 'month', 'UTC')).toEqual([
      { start: '2023-12-01', ratings: 1, viewings: 0 },
    ]);
  });

  it('weeks start on Monday and empty weeks between are kept', () => {
    expect(weekStart('2024-01-07')).toBe('2024-01-01'); // a Sunday
    const weeks = activity(
      [rating(1, 3, '2024-01-02T12:00:00Z')],
      [viewing(2, '2024-01-16')],
      'week',
      'UTC',
    );
    expect(weeks).toEqual([
      { start: '2024-01-01', ratings: 1, viewings: 0 },
      { start: '2024-01-08', ratings: 0, viewings: 0 },
      { start: '2024-01-15', ratings: 0, viewings: 1 },
    ]);
  });
});

describe('year in review', () => {
  it('counts films, viewings, streaks across local days, and genre shifts', () => {
    const ratings = [
      rating(3, 2, '2023-06-01T12:00:00Z'),
      rating(1, 5, '2024-02-01T12:00:00Z'),
      rating(2, 3.5, '2024-02-02T12:00:00Z'),
    ];
    const viewings = [viewing(1, '2024-02-01'), viewing(1, '2024-02-03'), viewing(2, '2024-02-10')];
    const favourites = [favourite(1, '2024-02-01T12:00:00Z'), favourite(3, '2023-06-01T12:00:00Z')];
    const review = yearInReview(2024, of(ratings, viewings, favourites), films, 'UTC');
    expect(review).toMatchObject({
      filmsWatched: 2,
      viewings: 3,
      ratingsGiven: 2,
      newFavourites: [1],
      longestStreak: 3,
    });
    // Horror and Sci-Fi were all of 2023 and none of 2024: the largest shifts.
    expect(review.genreShifts.slice(0, 2).map((s) => s.genre)).toEqual(['Horror', 'Sci-Fi']);
    expect(review.genreShifts[0]).toEqual({ genre: 'Horror', share: 0, before: 0.5 });
  });
});

describe('people', () => {
  const credited = new Map([
    [
      1,
      {
        title: 'Heat',
        year: 1995,
        genres: [],
        ratingCount: 1,
        directors: ['Michael Mann'],
        cast: ['Al Pacino', 'Robert De Niro'],
      },
    ],
    [
      2,
      {
        title: 'Collateral',
        year: 2004,
        genres: [],
        ratingCount: 1,
        directors: ['Michael Mann'],
        cast: ['Tom Cruise'],
      },
    ],
    [
      3,
      {
        title: 'The Godfather',
        year: 1972,
        genres: [],
        ratingCount: 1,
        directors: ['Francis Ford Coppola'],
        cast: ['Al Pacino', 'Marlon Brando'],
      },
    ],
    [4, { title: 'Uncredited', year: 2000, genres: [], ratingCount: 1 }],
  ]);
  const ratings = [
    rating(1, 5, '2024-01-01T10:00:00Z'),
    rating(2, 3, '2024-01-02T10:00:00Z'),
    rating(3, 4.5, '2024-01-03T10:00:00Z'),
    rating(4, 2, '2024-01-04T10:00:00Z'),
  ];

  it('counts the films of each director and actor the person rated, and their average', () => {
    expect(peopleStats(ratings, credited, 'directors')).toEqual([
      { name: 'Michael Mann', count: 2, mean: 4 },
    ]);
    expect(peopleStats(ratings, credited, 'cast', 1).slice(0, 2)).toEqual([
      { name: 'Al Pacino', count: 2, mean: 4.75 },
      { name: 'Robert De Niro', count: 1, mean: 5 },
    ]);
    // A catalog without credits (no TMDB on the server) gives nothing, not an error.
    expect(peopleStats(ratings, films, 'directors')).toEqual([]);
  });
});
