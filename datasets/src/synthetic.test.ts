import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatasetFiles } from './movielens/dataset-files';
import { readMovies, readRatings } from './movielens/load';
import { writeSyntheticMovieLens } from './synthetic';

describe('writeSyntheticMovieLens', () => {
  it('writes a valid ml-latest release with exactly the ratings asked for, reproducibly', async () => {
    const a = mkdtempSync(join(tmpdir(), 'filmfold-syn-'));
    const b = mkdtempSync(join(tmpdir(), 'filmfold-syn-'));
    await writeSyntheticMovieLens(a, { ratings: 20_000, users: 300, items: 2_000, seed: 7 });
    await writeSyntheticMovieLens(b, { ratings: 20_000, users: 300, items: 2_000, seed: 7 });
    expect(readFileSync(join(a, 'ratings.csv'))).toEqual(readFileSync(join(b, 'ratings.csv')));

    const files = await openDatasetFiles(a);
    const table = await readRatings(files);
    expect(table.length).toBe(20_000);
    expect((await readMovies(files)).length).toBe(2_000);
    const pairs = new Set<string>();
    for (let r = 0; r < table.length; r++) pairs.add(`${table.userIds[r]}:${table.movieIds[r]}`);
    expect(pairs.size).toBe(table.length); // no user rates a film twice
    // Popularity is skewed: the first 10% of films get far more than 10% of ratings.
    const head = Array.from(table.movieIds).filter((m) => m <= 200).length;
    expect(head / table.length).toBeGreaterThan(0.3);
  });
});
