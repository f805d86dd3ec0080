// Runs in the browser. Fetches the published catalog and model snapshot once, checks each
// against the manifest's sha256, and stores both in one transaction (with the catalog's columns
// for the recommender, catalog-columns.ts).
import { type ArtifactInfo, catalogSchema, manifestSchema } from '@filmfold/model';
import { type ApiClient, NetworkError } from '$lib/api/client';
import type { FilmfoldDb, SnapshotRow } from '$lib/db/database';
import { catalogColumns } from './catalog-columns';
import { sha256Hex } from './sha256';

export interface DownloadProgress {
  phase: 'checking' | 'downloading' | 'verifying' | 'storing';
  /** Which file is downloading or being verified. */
  item?: SnapshotRow['kind'];
  /** Bytes of both files so far, and in all: the bar never goes back. */
  receivedBytes: number;
  totalBytes: number;
}

export type InstallOutcome =
  | { ok: true; isUpdated: boolean; catalogVersion: string }
  | {
      ok: false;
      /**
       * `interrupted`: the connection dropped mid-download (try again when online); `corrupt`: it
       * all arrived but does not match its checksum, or cannot be read.
       */
      reason: 'offline' | 'not-ready' | 'interrupted' | 'corrupt' | 'storage';
      message: string;
    };

type Failure = Extract<InstallOutcome, { ok: false }>;

const INTERRUPTED: Failure = {
  ok: false,
  reason: 'interrupted',
  message: 'The download was interrupted; it will start again when you are online.',
};

/** Reads a response body, reporting bytes as they arrive. */
async function readWithProgress(res: Response, onBytes: (n: number) => void): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const chunks: Uint8Array[] = [];
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onBytes(value.byteLength);
  }
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

async function gunzipText(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

const isQuotaError = (err: unknown) =>
  err instanceof Error && (err.name === 'QuotaExceededError' || err.message.includes('Quota'));

/**
 * Installs the server's latest catalog and model unless this device already has them. Nothing is
 * replaced until both are downloaded and verified; then one transaction swaps them in.
 */
export async function installLatestSnapshots(
  db: FilmfoldDb,
  client: ApiClient,
  onProgress: (progress: DownloadProgress) => void = () => {},
): Promise<InstallOutcome> {
  let manifestRes: Response;
  try {
    onProgress({ phase: 'checking', receivedBytes: 0, totalBytes: 0 });
    manifestRes = await client.api.artifacts.latest.$get();
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    return {
      ok: false,
      reason: 'offline',
      message: 'The catalog cannot be downloaded while offline.',
    };
  }
  if (!manifestRes.ok) {
    return {
      ok: false,
      reason: 'not-ready',
      message: 'The server has no catalog yet; try again in a minute.',
    };
  }
  const manifest = manifestSchema.parse(await manifestRes.json());
  const [storedCatalog, storedModel] = await Promise.all([
    db.snapshots.get('catalog'),
    db.snapshots.get('model'),
  ]);
  if (
    storedCatalog?.version === manifest.catalog.version &&
    storedModel?.version === manifest.model.version
  ) {
    return { ok: true, isUpdated: false, catalogVersion: storedCatalog.version };
  }

  const totalBytes = manifest.catalog.bytes + manifest.model.bytes;
  let receivedBytes = 0;
  const fetchVerified = async (
    kind: SnapshotRow['kind'],
    info: ArtifactInfo,
  ): Promise<Uint8Array | Failure> => {
    let bytes: Uint8Array;
    try {
      const res = await client.api.artifacts[':kind'][':version'].$get({
        param: { kind, version: info.version },
      });
      if (!res.ok) {
        return {
          ok: false,
          reason: 'not-ready',
          message: `The server answered ${res.status} for ${info.url}; try again in a minute.`,
        };
      }
      bytes = await readWithProgress(res, (n) => {
        receivedBytes += n;
        onProgress({ phase: 'downloading', item: kind, receivedBytes, totalBytes });
      });
    } catch (err) {
      // The request or its body stream failed: the network, not the data.
      if (err instanceof NetworkError || err instanceof TypeError) return INTERRUPTED;
      throw err;
    }
    // A body cut short without an error (a proxy gave up, say) is an interruption too.
    if (bytes.byteLength < info.bytes) return INTERRUPTED;
    onProgress({ phase: 'verifying', item: kind, receivedBytes, totalBytes });
    if (bytes.byteLength !== info.bytes || (await sha256Hex(bytes)) !== info.sha256) {
      return {
        ok: false,
        reason: 'corrupt',
        message: 'The download does not match its checksum; nothing was changed.',
      };
    }
    return bytes;
  };

  const catalogBytes = await fetchVerified('catalog', manifest.catalog);
  if (!(catalogBytes instanceof Uint8Array)) return catalogBytes;
  const modelBytes = await fetchVerified('model', manifest.model);
  if (!(modelBytes instanceof Uint8Array)) return modelBytes;
  const catalog = catalogSchema.safeParse(JSON.parse(await gunzipText(catalogBytes)));
  if (!catalog.success) {
    return {
      ok: false,
      reason: 'corrupt',
      message: 'The catalog is in a format this app cannot read; update Filmfold.',
    };
  }

  onProgress({ phase: 'storing', receivedBytes, totalBytes });
  const storedAt = new Date().toISOString();
  const row = (kind: SnapshotRow['kind'], info: ArtifactInfo): SnapshotRow => ({
    kind,
    version: info.version,
    sha256: info.sha256,
    bytes: info.bytes,
    storedAt,
  });
  try {
    await db.transaction('rw', db.films, db.snapshots, db.snapshotData, async () => {
      await db.films.clear();
      await db.films.bulkPut(catalog.data.movies);
      await db.snapshotData.delete('model-gramian');
      await db.snapshotData.bulkPut([
        { kind: 'model', bytes: modelBytes },
        { kind: 'catalog-columns', columns: catalogColumns(catalog.data.movies) },
      ]);
      await db.snapshots.bulkPut([row('catalog', manifest.catalog), row('model', manifest.model)]);
    });
  } catch (err) {
    if (isQuotaError(err)) {
      return {
        ok: false,
        reason: 'storage',
        message:
          'This device is out of storage space; the catalog was not saved. Free some space and try again.',
      };
    }
    throw err;
  }
  return { ok: true, isUpdated: true, catalogVersion: manifest.catalog.version };
}
