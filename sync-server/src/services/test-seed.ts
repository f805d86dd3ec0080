// Runs in Node, in tests (this workspace's and the web app's): a small seed to publish from.
import { type Movie, mulberry32, RatingTableBuilder } from '@filmfold/model';
import type { SeedData } from './publishing';

export { trainAndPublish } from './publishing';

/** A small MovieLens-like seed: 40 users, 30 films, two tastes; film 31 has no ratings at all. */
export function testSeed(): SeedData {
  const random = mulberry32(4);
  const ratings = new RatingTableBuilder();
  for (let user = 1; user <= 40; user++) {
    for (let movie = 1; movie <= 30; movie++) {
      if (random() < 0.5)
        ratings.push(user, movie, (user % 2 === 0) === movie <= 15 ? 4.5 : 1.5, 1_000_000 + movie);
    }
  }
  const movies: Movie[] = Array.from({ length: 31 }, (_, k) => ({
    id: k + 1,
    title: `Film ${k + 1}`,
    alternateTitles: [],
    year: 2000,
    genres: [k < 15 ? 'Drama' : 'Comedy'],
    imdbId: null,
    tmdbId: null,
  }));
  return {
    source: 'test seed',
    movies,
    ratings: ratings.build(),
    tags: [{ movieId: 1, tag: 'slow', taggedAt: '2020-01-01T00:00:00.000Z' }],
  };
}
