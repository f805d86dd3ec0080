// Runs in Node. A MovieLens release as a set of named files, from a folder or a zip alike.
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { CorruptArchiveError, DatasetError } from '../errors';

export interface DatasetFile {
  /** Base name, e.g. ratings.csv. */
  name: string;
  /** Uncompressed size in bytes, for progress. */
  bytes: number;
}

/** The files of one MovieLens release, by base name, wherever they sit inside it. */
export interface DatasetFiles {
  /** Where the files come from, for messages. */
  readonly location: string;
  has(name: string): boolean;
  file(name: string): DatasetFile;
  open(name: string): Promise<Readable>;
  close(): Promise<void>;
}

/**
 * Opens a folder or a .zip holding a MovieLens release. A zip is read in place (no extraction);
 * a truncated or corrupt one is refused with a CorruptArchiveError.
 */
export async function openDatasetFiles(path: string): Promise<DatasetFiles> {
  if (!existsSync(path))
    throw new DatasetError(`No MovieLens data at ${path}: no such file or folder.`);
  return statSync(path).isDirectory() ? openFolder(path) : openZip(path);
}

function openFolder(root: string): DatasetFiles {
  const found = new Map<string, { path: string; bytes: number }>();
  const visit = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 2) visit(path, depth + 1);
      else if (entry.isFile() && !found.has(entry.name))
        found.set(entry.name, { path, bytes: statSync(path).size });
    }
  };
  visit(root, 0);
  const lookup = (name: string) => {
    const file = found.get(name);
    if (!file) throw new DatasetError(`${root} has no ${name}.`);
    return file;
  };
  return {
    location: root,
    has: (name) => found.has(name),
    file: (name) => ({ name, bytes: lookup(name).bytes }),
    open: async (name) => createReadStream(lookup(name).path),
    close: async () => {},
  };
}

async function openZip(path: string): Promise<DatasetFiles> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, file) =>
      err ? reject(corrupt(path, err)) : resolve(file),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = basename(entry.fileName);
      if (!entry.fileName.endsWith('/') && !entries.has(name)) entries.set(name, entry);
      zip.readEntry();
    });
    zip.once('end', resolve);
    zip.once('error', (err: Error) => reject(corrupt(path, err)));
    zip.readEntry();
  });
  const lookup = (name: string) => {
    const entry = entries.get(name);
    if (!entry) throw new DatasetError(`${path} has no ${name}.`);
    return entry;
  };
  return {
    location: path,
    has: (name) => entries.has(name),
    file: (name) => ({ name, bytes: lookup(name).uncompressedSize }),
    open: (name) =>
      new Promise((resolve, reject) =>
        zip.openReadStream(lookup(name), (err, stream) => {
          if (err) return reject(corrupt(path, err));
          // Inflate, size and checksum errors surface mid-read: name them for what they are.
          const entry = lookup(name);
          const out = new CrcCheck(entry.crc32, () =>
            corrupt(path, new Error(`${entry.fileName} fails its CRC-32 check`)),
          );
          stream.on('error', (e) => out.destroy(corrupt(path, e)));
          resolve(stream.pipe(out));
        }),
      ),
    close: async () => zip.close(),
  };
}

/** Passes bytes through and fails at the end unless their CRC-32 is the one the zip recorded. */
class CrcCheck extends Transform {
  private crc = 0;

  constructor(
    private readonly expected: number,
    private readonly mismatch: () => Error,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.crc = crc32(chunk, this.crc);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    done(this.crc === this.expected ? null : this.mismatch());
  }
}

function corrupt(path: string, cause: Error): CorruptArchiveError {
  return new CorruptArchiveError(
    `${path} is not a readable zip archive (truncated or corrupt): ${cause.message}`,
    {
      cause,
    },
  );
}
