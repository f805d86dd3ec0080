import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableRows } from '@filmfold/model';
import { describe, expect, it } from 'vitest';
import {
  LATEST_FIXTURE,
  ML100K_FIXTURE,
  writeFolder,
  writeZip,
  zipBytes,
} from '../test-support/fixtures';
import { openDatasetFiles } from './dataset-files';
import { detectFormat, readMovies, readRatings, readTags, streamRatings } from './load';

describe('ml-latest format', () => {
  it.each([
    ['a folder', () => Promise.resolve(writeFolder(LATEST_FIXTURE))],
    [
      'a folder with a release subfolder',
      () => Promise.resolve(writeFolder(LATEST_FIXTURE, 'ml-latest-small')),
    ],
    ['a zip', () => writeZip(LATEST_FIXTURE)],
  ])('reads ratings, movies and tags from %s', async (_label, make) => {
    const files = await openDatasetFiles(await make());
    try {
      expect(detectFormat(files)).toBe('latest');
      expect(tableRows(await readRatings(files))).toEqual([
        [1, 1, 4, 964982703],
        [1, 11, 3.5, 964981247],
        [2, 29, 0.5, 1445714994],
        [2, 47, 5, 1445714996],
        [3, 176601, 2.5, 1700000000],
      ]);
      const movies = await readMovies(files);
      expect(movies).toHaveLength(5);
      expect(movies[1]).toEqual({
        id: 11,
        title: 'The American President',
        alternateTitles: [],
        year: 1995,
        genres: ['Comedy', 'Drama', 'Romance'],
        imdbId: 'tt0112346',
        tmdbId: 9087,
      });
      expect(movies[2]).toMatchObject({
        title: 'The City of Lost Children',
        alternateTitles: ['La Cité des enfants perdus'],
        tmdbId: null,
      });
      expect(movies[4]).toMatchObject({
        id: 176601,
        title: 'Black Mirror',
        year: null,
        genres: [],
      });
      const tags = await readTags(files);
      expect(tags[0]).toEqual({
        movieId: 47,
        tag: 'twist ending, dark',
        taggedAt: '2015-10-24T19:29:54.000Z',
      });
    } finally {
      await files.close();
    }
  });

  it('streams ratings in bounded batches and reports byte progress up to the file size', async () => {
    const header = 'userId,movieId,rating,timestamp\n';
    const body = Array.from(
      { length: 150_000 },
      (_, k) => `${1 + (k % 97)},${1 + k},4.5,${1_000_000 + k}`,
    ).join('\n');
    const files = await openDatasetFiles(
      writeFolder({ ...LATEST_FIXTURE, 'ratings.csv': header + body + '\n' }),
    );
    const sizes: number[] = [];
    let last = [0, 0];
    for await (const batch of streamRatings(files, (done, total) => (last = [done, total])))
      sizes.push(batch.length);
    expect(sizes).toEqual([65_536, 65_536, 150_000 - 2 * 65_536]);
    expect(last[0]).toBe(last[1]);
    expect(last[1]).toBe(Buffer.byteLength(header + body + '\n'));
  });

  it.each([
    ['1,1,6.0,964982703', /ratings\.csv, line 3: rating "6\.0" is not 0\.5-5 stars in half steps/],
    ['1,1,3.25,964982703', /line 3: rating "3\.25"/],
    ['1,x,4.0,964982703', /line 3: movieId "x" is not a positive whole number/],
    ['1,1,4.0,', /line 3: timestamp "" is not seconds since 1970/],
  ])('refuses the bad rating row %j, naming file and line', async (badRow, message) => {
    const ratings = `userId,movieId,rating,timestamp\n1,2,4.0,964982703\n${badRow}\n`;
    const files = await openDatasetFiles(
      writeFolder({ ...LATEST_FIXTURE, 'ratings.csv': ratings }),
    );
    await expect(readRatings(files)).rejects.toThrow(message);
  });

  it('refuses a ratings file without the expected header', async () => {
    const files = await openDatasetFiles(
      writeFolder({ ...LATEST_FIXTURE, 'ratings.csv': 'a,b,c\n1,2,3\n' }),
    );
    await expect(readRatings(files)).rejects.toThrow(
      /ratings\.csv, line 1: expected a header with userId, movieId, rating, timestamp/,
    );
  });

  it('refuses a film with an unreadable row, with the schema message', async () => {
    const files = await openDatasetFiles(
      writeFolder({
        ...LATEST_FIXTURE,
        'movies.csv': 'movieId,title,genres\n-4,Heat (1995),Crime\n',
      }),
    );
    await expect(readMovies(files)).rejects.toMatchObject({
      name: 'ParseError',
      message: /movies\.csv, line 2: .*positive/,
    });
  });
});

describe('ml-100k format', () => {
  it('reads u.data and Latin-1 u.item from a folder and a zip', async () => {
    for (const path of [writeFolder(ML100K_FIXTURE, 'ml-100k'), await writeZip(ML100K_FIXTURE)]) {
      const files = await openDatasetFiles(path);
      expect(detectFormat(files)).toBe('ml-100k');
      expect(tableRows(await readRatings(files))).toEqual([
        [196, 242, 3, 881250949],
        [186, 302, 3, 891717742],
        [22, 377, 1, 878887116],
        [196, 377, 5, 881250950],
      ]);
      const movies = await readMovies(files);
      expect(movies.map((m) => [m.id, m.title, m.year, m.genres])).toEqual([
        [242, 'Kolya', 1996, ['Comedy']],
        [302, 'L.A. Confidential', 1997, ['Crime', 'Film-Noir', 'Mystery', 'Thriller']],
        [377, 'Heavyweights', 1994, ['Children', 'Comedy']],
        [1000, 'Lashou shentan', 1992, ['Action']],
        [1301, 'Café au lait', 1993, ['Comedy']],
      ]);
      expect(await readTags(files)).toEqual([]);
      await files.close();
    }
  });
});

describe('archives that cannot be read', () => {
  it('refuses a truncated zip with a CorruptArchiveError', async () => {
    const path = await writeZip(LATEST_FIXTURE);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(openDatasetFiles(path)).rejects.toMatchObject({
      name: 'CorruptArchiveError',
      message: expect.stringMatching(/not a readable zip archive \(truncated or corrupt\)/),
    });
  });

  const manyRatings =
    'userId,movieId,rating,timestamp\n' +
    Array.from(
      { length: 3000 },
      (_, k) => `${(k % 50) + 1},${k + 1},4.0,${964982703 + k * 7919}`,
    ).join('\n');

  async function readDamaged(bytes: Buffer) {
    const path = join(mkdtempSync(join(tmpdir(), 'filmfold-bad-')), 'bad.zip');
    writeFileSync(path, bytes);
    const files = await openDatasetFiles(path);
    try {
      return await readRatings(files);
    } finally {
      await files.close();
    }
  }

  it('refuses a deflated entry whose compressed bytes are damaged', async () => {
    const bytes = await zipBytes({ ...LATEST_FIXTURE, 'ratings.csv': manyRatings });
    const at = bytes.indexOf('ml-fixture/ratings.csv') + 400;
    bytes[at] = bytes[at]! ^ 0x55;
    await expect(readDamaged(bytes)).rejects.toMatchObject({ name: 'CorruptArchiveError' });
  });

  it('refuses a stored entry whose bytes still parse but fail the CRC-32', async () => {
    const bytes = await zipBytes(
      { ...LATEST_FIXTURE, 'ratings.csv': manyRatings },
      'ml-fixture',
      false,
    );
    // Turn one timestamp digit into another: still a valid CSV, no longer the archived bytes.
    const at = bytes.indexOf('964982703');
    bytes[at] = '8'.charCodeAt(0);
    await expect(readDamaged(bytes)).rejects.toMatchObject({
      name: 'CorruptArchiveError',
      message: expect.stringContaining('fails its CRC-32 check'),
    });
  });

  it('refuses a folder that is no MovieLens release, saying what it expected', async () => {
    const files = await openDatasetFiles(writeFolder({ 'notes.txt': 'hello' }));
    expect(() => detectFormat(files)).toThrow(
      /expected ratings\.csv and movies\.csv .* or u\.data and u\.item/,
    );
  });

  it('refuses a path that does not exist', async () => {
    await expect(openDatasetFiles('/nonexistent/ml-latest-small')).rejects.toThrow(
      /no such file or folder/,
    );
  });
});
