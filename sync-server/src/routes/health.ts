// Runs in Node. GET /api/health: liveness, and the model version once one is published.
import { Hono } from 'hono';
import type { Database } from '../db/database';
import { latestManifest } from '../services/publishing';

const startedAt = new Date().toISOString();

export function healthRoutes(database: Database) {
  return new Hono().get('/', async (c) => {
    const manifest = await latestManifest(database);
    return c.json({
      status: 'ok' as const,
      service: 'filmfold-sync-server',
      startedAt,
      /** null until the first model snapshot is published. */
      modelVersion: manifest?.model.version ?? null,
    });
  });
}
