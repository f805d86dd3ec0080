// Runs in Node. The published catalog and model: a "latest" manifest and immutable versions.
import { manifestSchema } from '@filmfold/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/database';
import { ApiError, notReady } from '../errors';
import { documented } from '../http/documented';
import { paramInput } from '../http/validate';
import { latestManifest, readArtifact } from '../services/publishing';

const artifactParams = z.object({
  kind: z.enum(['catalog', 'model']),
  /** The first 16 hex digits of the artifact's SHA-256. */
  version: z.string().regex(/^[0-9a-f]{16}$/),
});

export function artifactRoutes(database: Database) {
  return new Hono()
    .get(
      '/artifacts/latest',
      documented({
        summary: 'The current catalog and model versions',
        ok: { status: 200, description: 'The manifest', schema: manifestSchema },
        errors: [503],
      }),
      async (c) => {
        const manifest = await latestManifest(database);
        if (!manifest) throw notReady();
        c.header('Cache-Control', 'no-cache');
        return c.json(manifest, 200);
      },
    )
    .get(
      '/artifacts/:kind/:version',
      documented({
        summary: 'An immutable catalog (gzip JSON) or model (binary snapshot) version',
        ok: { status: 200, description: 'The bytes', contentType: 'application/octet-stream' },
        errors: [304, 404],
      }),
      paramInput(artifactParams, 'No such artifact version.'),
      async (c) => {
        const { kind, version } = c.req.valid('param');
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
      },
    );
}
