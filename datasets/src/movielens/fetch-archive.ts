// Runs in Node. Downloads an official archive into the cache, verified before anything uses it.
import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ChecksumMismatchError, DownloadError } from '../errors';
import type { KnownArchive } from './archives';

export interface FetchArchiveOptions {
  cacheDir: string;
  /** Bytes received so far and the expected total (0 when unknown). */
  onProgress?: (done: number, total: number) => void;
  /** The network edge; tests pass a fetch bound to a local server. */
  fetchImpl?: typeof fetch;
}

/**
 * Returns the path of a verified copy of `archive` in the cache, downloading it when
 * needed. A failed or mismatching download leaves nothing behind.
 */
export async function fetchArchive(
  archive: KnownArchive,
  options: FetchArchiveOptions,
): Promise<string> {
  mkdirSync(options.cacheDir, { recursive: true });
  const target = join(options.cacheDir, `${archive.name}.zip`);
  if (existsSync(target)) {
    if ((await digestOf(target, archive.checksum.algorithm)) === archive.checksum.digest)
      return target;
    rmSync(target); // A damaged cached copy is fetched again.
  }
  const partial = `${target}.part`;
  try {
    const digest = await download(archive, partial, options);
    if (digest !== archive.checksum.digest) {
      throw new ChecksumMismatchError(
        `The download of ${archive.name} from ${archive.url} has ${archive.checksum.algorithm} ${digest}, ` +
          `not the published ${archive.checksum.digest}. It was discarded; try again later, or use a copy you trust.`,
      );
    }
    renameSync(partial, target);
    return target;
  } finally {
    rmSync(partial, { force: true });
  }
}

async function download(
  archive: KnownArchive,
  path: string,
  options: FetchArchiveOptions,
): Promise<string> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(archive.url);
  } catch (err) {
    const cause =
      err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    throw new DownloadError(`Could not download ${archive.name} from ${archive.url} (${cause}).`, {
      cause: err,
    });
  }
  if (!response.ok || !response.body) {
    throw new DownloadError(
      `Could not download ${archive.name}: ${archive.url} answered ${response.status} ${response.statusText}.`,
    );
  }
  const total = Number(response.headers.get('content-length')) || archive.bytes || 0;
  const hash = createHash(archive.checksum.algorithm);
  let done = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      done += chunk.length;
      options.onProgress?.(done, total);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      meter,
      createWriteStream(path),
    );
  } catch (err) {
    throw new DownloadError(
      `The download of ${archive.name} broke off after ${done} bytes (${(err as Error).message}).`,
      {
        cause: err,
      },
    );
  }
  return hash.digest('hex');
}

async function digestOf(path: string, algorithm: 'sha256' | 'md5'): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
