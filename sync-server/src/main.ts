// Runs in Node: `npm start` ends here.
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';

function main(): void {
  const config = loadConfig();
  if (!existsSync(config.WEB_DIR)) {
    console.warn(`No built PWA at ${config.WEB_DIR}: serving the API only (run \`npm start\`).`);
  }
  const app = createApp({ webDir: config.WEB_DIR });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`Filmfold is running at http://${config.HOST}:${info.port}/`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  main();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
