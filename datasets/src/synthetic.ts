// Runs in Node. Large MovieLens-format rating sets for benchmarks and scale tests.
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { mulberry32, type RatingTable, RatingTableBuilder } from '@filmfold/model';

export interface SyntheticOptions {
  ratings: number;
  users: number;
  items: number;
  /** Same seed, same ratings. */
  seed?: number;
  /**
   * σ of the log-normal number of ratings per user; 0 (the default) draws it uniformly between 0
   * and twice the mean. 1.2 gives MovieLens's skew: the most active 10% of users give about half
   * of all ratings (47.7% in ml-latest-small).
   */
  activitySkew?: number;
}

/** The shape of ml-25m: 162,541 users and 62,423 films for 25,000,095 ratings. */
export function movieLensShape(ratings: number): SyntheticOptions {
  return {
    ratings,
    users: Math.round((ratings * 162_541) / 25_000_095),
    items: 62_000,
    seed: 42,
    activitySkew: 1.2,
  };
}

/**
 * Ratings in memory, user by user: item popularity follows a power law (a few films get most
 * ratings, as in MovieLens), stars come from user and item biases plus noise, in half steps, and
 * each user's timestamps increase. No user rates an item twice.
 */
export function syntheticRatings(options: SyntheticOptions): RatingTable {
  const random = mulberry32(options.seed ?? 42);
  const itemQuality = Float32Array.from({ length: options.items }, () => random() * 2 - 1);
  const table = new RatingTableBuilder(options.ratings);
  const perUser = options.ratings / options.users;
  const skew = options.activitySkew ?? 0;
  const seen = new Uint32Array(options.items + 1);
  for (let user = 1; table.length < options.ratings; user++) {
    const remaining = options.ratings - table.length;
    const drawn = skew > 0 ? perUser * logNormal(random, skew) : perUser * 2 * random();
    const wanted = Math.min(remaining, options.items, Math.max(1, Math.round(drawn)));
    const bias = random() - 0.5;
    let time = 946_684_800 + Math.floor(random() * 600_000_000);
    for (let count = 0; count < wanted;) {
      const item = 1 + Math.floor(options.items * random() ** 3);
      if (seen[item] === user) continue;
      seen[item] = user;
      count++;
      const stars = 3.5 + bias + itemQuality[item - 1]! + (random() - 0.5) * 2;
      const rating = Math.min(5, Math.max(0.5, Math.round(stars * 2) / 2));
      time += 1 + Math.floor(random() * 3600);
      table.push(user, item, rating, time);
    }
  }
  return table.build();
}

/** exp(σz − σ²/2) for a standard normal z (Box-Muller): mean 1. */
function logNormal(random: () => number, sigma: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.exp(sigma * z - (sigma * sigma) / 2);
}

/** Writes the ratings of `syntheticRatings` as ratings.csv and movies.csv in ml-latest format. */
export async function writeSyntheticMovieLens(
  folder: string,
  options: SyntheticOptions,
): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const movies = createWriteStream(join(folder, 'movies.csv'));
  movies.write('movieId,title,genres\n');
  for (let i = 1; i <= options.items; i++) {
    if (!movies.write(`${i},"Synthetic Film ${i}, The (${1950 + (i % 70)})",Drama|Comedy\n`))
      await once(movies, 'drain');
  }
  movies.end();
  await once(movies, 'finish');

  const table = syntheticRatings(options);
  const out = createWriteStream(join(folder, 'ratings.csv'));
  out.write('userId,movieId,rating,timestamp\n');
  let chunk = '';
  for (let row = 0; row < table.length; row++) {
    chunk += `${table.userIds[row]},${table.movieIds[row]},${table.ratings[row]!.toFixed(1)},${table.timestamps[row]}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/**
 * A MovieLens folder with ml-25m's 62,000 films and `ratings` ratings in its proportions, under the
 * system's temporary folder; written once and reused by later runs of the benchmarks.
 */
export async function syntheticCatalogFolder(ratings: number): Promise<string> {
  const folder = join(tmpdir(), 'filmfold-bench', `synthetic-62k-films-${ratings}`);
  if (!existsSync(join(folder, 'ratings.csv'))) {
    await writeSyntheticMovieLens(folder, movieLensShape(ratings));
  }
  return folder;
}
