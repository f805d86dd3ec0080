// Runs in Node: `npm start` ends here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!existsSync(config.WEB_DIR)) {
    console.warn(`No built PWA at ${config.WEB_DIR}: serving the API only (run \`npm start\`).`);
  }
  const database = await openDatabase(
    config.DATABASE_URL
      ? { url: config.DATABASE_URL }
      : { dataDir: join(config.DATA_DIR, 'pglite') },
  );
  console.log(
    config.DATABASE_URL
      ? 'Database: PostgreSQL (DATABASE_URL)'
      : `Database: embedded PGlite in ${join(config.DATA_DIR, 'pglite')}`,
  );
  const app = createApp({
    database,
    webDir: config.WEB_DIR,
    allowedOrigins: config.ALLOWED_ORIGINS,
    log: (line) => console.log(line),
  });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`Filmfold is running at http://${config.HOST}:${info.port}/`);
  });
  const stop = () => server.close(() => void database.close().then(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
