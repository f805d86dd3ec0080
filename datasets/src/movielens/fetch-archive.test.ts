import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_FIXTURE, zipBytes } from '../test-support/fixtures';
import type { KnownArchive } from './archives';
import { fetchArchive } from './fetch-archive';
import { readRatings } from './load';
import { openMovieLens } from './open-movielens';

// A local stand-in for files.grouplens.org.
let server: Server;
let base = '';
let zip: Buffer;
let requests = 0;

beforeAll(async () => {
  zip = await zipBytes(LATEST_FIXTURE, 'ml-latest-small');
  server = createServer((req, res) => {
    requests++;
    if (req.url === '/ml-latest-small.zip') {
      res.writeHead(200, { 'content-length': zip.length });
      res.end(zip);
    } else if (req.url === '/tampered.zip') {
      const tampered = Buffer.from(zip);
      tampered[tampered.length - 30] = tampered[tampered.length - 30]! ^ 0xff;
      res.end(tampered);
    } else if (req.url === '/cut.zip') {
      res.writeHead(200, { 'content-length': zip.length });
      res.write(zip.subarray(0, 100));
      setTimeout(() => res.destroy(), 20);
    } else {
      res.writeHead(404, 'Not Found').end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function archiveAt(path: string): KnownArchive {
  return {
    name: 'ml-latest-small',
    url: `${base}${path}`,
    checksum: { algorithm: 'sha256', digest: createHash('sha256').update(zip).digest('hex') },
  };
}

const emptyCache = () => mkdtempSync(join(tmpdir(), 'filmfold-cache-'));

describe('fetchArchive', () => {
  it('downloads, verifies and caches the archive, with progress up to its size', async () => {
    const cacheDir = emptyCache();
    const progress: [number, number][] = [];
    const path = await fetchArchive(archiveAt('/ml-latest-small.zip'), {
      cacheDir,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(readFileSync(path)).toEqual(zip);
    expect(progress.at(-1)).toEqual([zip.length, zip.length]);
    expect(readdirSync(cacheDir)).toEqual(['ml-latest-small.zip']);

    const before = requests;
    expect(await fetchArchive(archiveAt('/ml-latest-small.zip'), { cacheDir })).toBe(path);
    expect(requests).toBe(before); // served from the cache, re-verified
  });

  it('fetches again when the cached copy is damaged', async () => {
    const cacheDir = emptyCache();
    writeFileSync(join(cacheDir, 'ml-latest-small.zip'), 'not a zip');
    const path = await fetchArchive(archiveAt('/ml-latest-small.zip'), { cacheDir });
    expect(readFileSync(path)).toEqual(zip);
  });

  it.each([
    [
      'a checksum mismatch',
      '/tampered.zip',
      { name: 'ChecksumMismatchError', message: expect.stringMatching(/not the published/) },
    ],
    [
      'a 404',
      '/gone.zip',
      { name: 'DownloadError', message: expect.stringMatching(/answered 404/) },
    ],
    [
      'a connection that breaks off',
      '/cut.zip',
      { name: 'DownloadError', message: expect.stringMatching(/broke off after/) },
    ],
  ])('refuses %s and leaves nothing in the cache', async (_label, path, error) => {
    const cacheDir = emptyCache();
    await expect(fetchArchive(archiveAt(path), { cacheDir })).rejects.toMatchObject(error);
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});

describe('openMovieLens', () => {
  it('prefers a path, then FILMFOLD_MOVIELENS, over any download', async () => {
    const folder = join(emptyCache(), 'local');
    const fromEnv = await openMovieLens({ env: { FILMFOLD_MOVIELENS: '/nonexistent/copy' } }).catch(
      (e: Error) => e,
    );
    expect(fromEnv).toMatchObject({ message: expect.stringContaining('/nonexistent/copy') });
    const fromPath = await openMovieLens({
      path: folder,
      env: { FILMFOLD_MOVIELENS: '/nonexistent/copy' },
    }).catch((e: Error) => e);
    expect(fromPath).toMatchObject({ message: expect.stringContaining(folder) });
  });

  it('downloads into FILMFOLD_CACHE_DIR when no local copy is named', async () => {
    const cacheDir = emptyCache();
    const fetchImpl: typeof fetch = (input, init) =>
      fetch(String(input).replace('https://files.grouplens.org/datasets/movielens', base), init);
    // The fixture is not the real archive, so verification must fail and nothing may stay behind.
    await expect(
      openMovieLens({ env: { FILMFOLD_CACHE_DIR: cacheDir }, fetchImpl }),
    ).rejects.toMatchObject({
      name: 'ChecksumMismatchError',
    });
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('offline, says what to do instead and writes nothing', async () => {
    const cacheDir = emptyCache();
    const offline: typeof fetch = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: new Error('getaddrinfo ENOTFOUND files.grouplens.org'),
        }),
      );
    const error = await openMovieLens({
      env: { FILMFOLD_CACHE_DIR: cacheDir },
      fetchImpl: offline,
    }).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'DownloadError' });
    expect((error as Error).message).toContain('Could not download ml-latest-small');
    expect((error as Error).message).toContain('ENOTFOUND');
    expect((error as Error).message).toContain('FILMFOLD_MOVIELENS=<path>');
    expect(existsSync(join(cacheDir, 'ml-latest-small.zip'))).toBe(false);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('reads a downloaded archive like a local one', async () => {
    const cacheDir = emptyCache();
    const path = await fetchArchive(archiveAt('/ml-latest-small.zip'), { cacheDir });
    const files = await openMovieLens({ path });
    expect((await readRatings(files)).length).toBe(5);
    await files.close();
  });
});
