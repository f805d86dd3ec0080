// Runs in Node. The published catalog and model: a "latest" manifest and immutable versions.
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import { latestManifest, readArtifact } from '../services/publishing';

export function artifactRoutes(database: Database) {
  return new Hono()
    .get('/artifacts/latest', async (c) => {
      const manifest = await latestManifest(database);
      if (!manifest)
        throw new ApiError(
          503,
          'not_ready',
          'The first model is still being trained; try again in a minute.',
        );
      c.header('Cache-Control', 'no-cache');
      return c.json(manifest, 200);
    })
    .get('/artifacts/:kind/:version', async (c) => {
      const artifact = await readArtifact(database, c.req.param('kind'), c.req.param('version'));
      if (!artifact) throw new ApiError(404, 'not_found', 'No such artifact version.');
      const etag = `"${artifact.sha256}"`;
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      c.header('ETag', etag);
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      c.header('Content-Type', artifact.contentType);
      // The catalog is stored gzipped: sent as is to clients that accept gzip, unpacked otherwise.
      const isGzipped = artifact.kind === 'catalog';
      const acceptsGzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
      c.header('Vary', 'Accept-Encoding');
      if (isGzipped && acceptsGzip) c.header('Content-Encoding', 'gzip');
      const body = isGzipped && !acceptsGzip ? gunzipSync(artifact.bytes) : artifact.bytes;
      return c.body(new Uint8Array(body), 200);
    });
}
