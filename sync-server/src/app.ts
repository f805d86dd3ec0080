// Runs in Node. Builds the Hono app; main.ts serves it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { handleError, notFound } from './errors';
import { healthRoutes } from './routes/health';

export interface AppOptions {
  /** Folder of the built PWA; when absent the server answers the API only. */
  webDir?: string;
}

/** Builds the app: the API under /api, the PWA everywhere else. */
export function createApp(options: AppOptions = {}) {
  const api = new Hono().route('/health', healthRoutes);
  const app = new Hono().route('/api', api);

  // Unknown API paths answer JSON, never the app shell below.
  app.all('/api/*', notFound);
  app.notFound(notFound);

  app.onError(handleError);

  const webDir = options.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    app.use('/*', serveStatic({ root: webDir }));
    // Client-side routes: any other GET gets the app shell.
    app.get('/*', serveStatic({ root: webDir, path: 'index.html' }));
  }
  return app;
}

/** The app's type, for the PWA's `hc<AppType>` client. */
export type AppType = ReturnType<typeof createApp>;
