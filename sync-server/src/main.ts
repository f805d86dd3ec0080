// Runs in Node: `npm start` ends here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { trackInFlight } from './http/in-flight';
import { listen } from './http/listen';
import { metadataProviders } from './providers/providers';
import { type LeaderDuties, startLeaderDuties } from './services/leader-duties';
import { startLeadership } from './services/leadership';

/** Resident set and V8's parts of it, in MiB. */
function memoryReport() {
  const mib = (bytes: number) => Math.round(bytes / 1_048_576);
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return {
    rss: mib(rss),
    heapTotal: mib(heapTotal),
    heapUsed: mib(heapUsed),
    external: mib(external),
    arrayBuffers: mib(arrayBuffers),
  };
}

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
  const log = (line: string) => console.log(line);
  const providers = metadataProviders(config);
  // Scheduled work runs in the one process that leads (always this one on PGlite).
  let duties: LeaderDuties | null = null;
  const leadership = startLeadership(
    database,
    async () => {
      duties = await startLeaderDuties(database, config, providers, log);
      return () => {
        const stopping = duties;
        duties = null;
        return stopping?.stop();
      };
    },
    { log },
  );
  await leadership.firstTurn;
  const app = createApp({
    database,
    webDir: config.WEB_DIR,
    allowedOrigins: config.ALLOWED_ORIGINS,
    trustProxy: config.TRUST_PROXY,
    loginFreeAttempts: config.LOGIN_FREE_ATTEMPTS,
    providers,
    enrichment: () => duties?.progress(),
    log,
  });
  const handler = trackInFlight(app.fetch);
  const { server, port } = await listen(handler.fetch, {
    port: config.PORT,
    hostname: config.HOST,
  });
  console.log(`Filmfold is running at http://${config.HOST}:${port}/`);
  // SIGTERM: stop leading (abandoning a running retraining), stop accepting (new requests on open connections get
  // 503), let every request in flight finish, then close the database.
  const stop = () => {
    server.close();
    void handler
      .drain()
      .then(() => leadership.stop())
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // SIGUSR2: one line of what the process holds, for operators and the memory bench.
  process.on('SIGUSR2', () => console.log(`Memory: ${JSON.stringify(memoryReport())}`));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
