// Runs in Node. GET /api/health: liveness, and the model version once one is published.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/database';
import { documented } from '../http/documented';
import type { MetadataProviders } from '../providers/providers';
import type { EnrichmentProgress } from '../services/enrichment-runner';
import { readLeaderStatus } from '../services/leader-status';
import { latestManifest } from '../services/publishing';

const startedAt = new Date().toISOString();

const providerHealthSchema = z.object({
  state: z.enum(['ok', 'degraded', 'unconfigured']),
  reason: z.enum(['bad-key', 'not-found', 'rate-limited', 'unavailable', 'malformed']).optional(),
  at: z.string().optional(),
});

const healthSchema = z.object({
  status: z.literal('ok'),
  service: z.string(),
  startedAt: z.string(),
  /** null until the first model snapshot is published. */
  modelVersion: z.string().nullable(),
  /** Extra film metadata: "degraded" means posters and details are missing, not an outage. */
  metadata: z.object({ tmdb: providerHealthSchema, omdb: providerHealthSchema }),
  /**
   * The process that runs scheduled work (retraining, enrichment) among those sharing the
   * database: who, since when, and when it last said so; null before one has led.
   */
  leader: z.object({ process: z.string(), since: z.string(), heartbeat: z.string() }).nullable(),
  /** Film details fetched from TMDB so far (by the leading process). */
  enrichment: z.object({
    state: z.enum(['idle', 'running', 'publishing', 'waiting', 'finished', 'unconfigured']),
    done: z.number().int(),
    total: z.number().int(),
  }),
});
type Health = z.infer<typeof healthSchema>;

const NO_PROVIDERS: Health['metadata'] = {
  tmdb: { state: 'unconfigured' },
  omdb: { state: 'unconfigured' },
};

export function healthRoutes(
  database: Database,
  providers?: MetadataProviders,
  enrichment?: () => EnrichmentProgress | undefined,
) {
  return new Hono().get(
    '/',
    documented({
      summary: 'Liveness, the published model version, metadata providers and enrichment',
      ok: { status: 200, description: 'Up', schema: healthSchema },
      errors: [],
    }),
    async (c) => {
      const [manifest, leader] = await Promise.all([
        latestManifest(database),
        readLeaderStatus(database),
      ]);
      const health: Health = {
        status: 'ok',
        service: 'filmfold-sync-server',
        startedAt,
        modelVersion: manifest?.model.version ?? null,
        metadata: providers?.health() ?? NO_PROVIDERS,
        leader: leader && {
          process: leader.process,
          since: leader.since.toISOString(),
          heartbeat: leader.heartbeat.toISOString(),
        },
        // This process's own progress when it leads, else what the leader last wrote.
        enrichment: enrichment?.() ??
          leader?.enrichment ?? { state: 'unconfigured', done: 0, total: 0 },
      };
      return c.json(health, 200);
    },
  );
}
