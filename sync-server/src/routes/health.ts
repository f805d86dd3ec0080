import { Hono } from 'hono';

const startedAt = new Date().toISOString();

/** GET /api/health: liveness and version, for load balancers and the PWA's status line. */
export const healthRoutes = new Hono().get('/', (c) =>
  c.json({ status: 'ok' as const, service: 'filmfold-sync-server', startedAt }),
);
