// Runs in Node. GET /api/health: liveness, and the model version once one is published.
import { Hono } from 'hono';
import type { Database } from '../db/database';
import type { MetadataProviders } from '../providers/providers';
import type { EnrichmentProgress } from '../services/enrichment-runner';
import { latestManifest } from '../services/publishing';

const startedAt = new Date().toISOString();

const NO_PROVIDERS = {
  tmdb: { state: 'unconfigured' as const },
  omdb: { state: 'unconfigured' as const },
};

export function healthRoutes(
  database: Database,
  providers?: MetadataProviders,
  enrichment?: () => EnrichmentProgress,
) {
  return new Hono().get('/', async (c) => {
    const manifest = await latestManifest(database);
    return c.json({
      status: 'ok' as const,
      service: 'filmfold-sync-server',
      startedAt,
      /** null until the first model snapshot is published. */
      modelVersion: manifest?.model.version ?? null,
      /** Extra film metadata: "degraded" means posters and details are missing, not an outage. */
      metadata: providers?.health() ?? NO_PROVIDERS,
      /** Film details fetched from TMDB so far. */
      enrichment: enrichment?.() ?? { state: 'unconfigured' as const, done: 0, total: 0 },
    });
  });
}
