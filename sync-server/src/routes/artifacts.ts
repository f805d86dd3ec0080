// Runs in Node. The published catalog and model: a "latest" manifest and immutable versions.
import { Hono } from 'hono';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import { latestManifest, readArtifact } from '../services/publishing';

const ARTIFACT_KINDS = ['catalog', 'model'];
/** Versions are the first 16 hex digits of the artifact's SHA-256. */
const VERSION_PATTERN = /^[0-9a-f]{16}$/;

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
      const kind = c.req.param('kind');
      const version = c.req.param('version');
      // Checked before they reach a query: a path may carry %00 or anything else.
      if (!ARTIFACT_KINDS.includes(kind) || !VERSION_PATTERN.test(version))
        throw new ApiError(404, 'not_found', 'No such artifact version.');
      const artifact = await readArtifact(database, kind, version);
      if (!artifact) throw new ApiError(404, 'not_found', 'No such artifact version.');
      const etag = `"${artifact.sha256}"`;
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      c.header('ETag', etag);
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      c.header('Content-Type', artifact.contentType);
      // Sent as stored (the catalog as application/gzip, never as a Content-Encoding), so that
      // the device can check the manifest's sha256 against exactly the bytes it received.
      return c.body(new Uint8Array(artifact.bytes), 200);
    });
}
