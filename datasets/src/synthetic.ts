// Runs in Node. Large MovieLens-format rating sets for benchmarks and scale tests.
import { createWriteStream } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { mulberry32 } from '@filmfold/model';

export interface SyntheticOptions {
  ratings: number;
  users: number;
  items: number;
  /** Same seed, same files. */
  seed?: number;
}

/**
 * Writes ratings.csv and movies.csv in ml-latest format into `folder`: item popularity
 * follows a power law, stars come from user and item biases plus noise, in half steps,
 * and each user's timestamps increase. No user rates an item twice.
 */
export async function writeSyntheticMovieLens(
  folder: string,
  options: SyntheticOptions,
): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const random = mulberry32(options.seed ?? 42);
  const itemQuality = Float32Array.from({ length: options.items }, () => random() * 2 - 1);

  const movies = createWriteStream(join(folder, 'movies.csv'));
  movies.write('movieId,title,genres\n');
  for (let i = 1; i <= options.items; i++) {
    if (!movies.write(`${i},"Synthetic Film ${i}, The (${1950 + (i % 70)})",Drama|Comedy\n`))
      await once(movies, 'drain');
  }
  movies.end();
  await once(movies, 'finish');

  const out = createWriteStream(join(folder, 'ratings.csv'));
  out.write('userId,movieId,rating,timestamp\n');
  const perUser = options.ratings / options.users;
  let written = 0;
  let chunk = '';
  for (let user = 1; written < options.ratings; user++) {
    const remaining = options.ratings - written;
    const wanted = Math.min(
      remaining,
      options.items,
      Math.max(1, Math.round(perUser * 2 * random())),
    );
    const bias = random() - 0.5;
    const seen = new Set<number>();
    let time = 946_684_800 + Math.floor(random() * 600_000_000);
    while (seen.size < wanted) {
      // Power law: a few films get most ratings, as in MovieLens.
      const item = 1 + Math.floor(options.items * random() ** 3);
      if (seen.has(item)) continue;
      seen.add(item);
      const stars = 3.5 + bias + itemQuality[item - 1]! + (random() - 0.5) * 2;
      const rating = Math.min(5, Math.max(0.5, Math.round(stars * 2) / 2));
      time += 1 + Math.floor(random() * 3600);
      chunk += `${user},${item},${rating.toFixed(1)},${time}\n`;
      written++;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
