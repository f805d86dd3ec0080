// Runs in Node: `npm start` ends here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { trackInFlight } from './http/in-flight';
import { listen } from './http/listen';
import { metadataProviders } from './providers/providers';
import { startEnrichment } from './services/enrichment-runner';
import { retrain, retrainInWorker } from './services/retrain';
import { scheduleRetraining } from './services/retrain-schedule';
import { scheduleRetention } from './services/retention';
import { latestManifest } from './services/publishing';

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
  if (!(await latestManifest(database))) {
    console.log('No model published yet: importing MovieLens and training the first one …');
    try {
      await retrain(database, config, (message) => console.log(`  ${message}`));
    } catch (err) {
      // Accounts and sync still work; recommendations wait for a model (GET /api/artifacts/latest: 503).
      console.error(
        `Could not build the first model: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  const schedule = scheduleRetraining(config.RETRAIN_HOURS * 3_600_000, () =>
    retrainInWorker(database, config, (message) => console.log(`  ${message}`)),
  );
  // New film details from TMDB reach devices with the next catalog: retrain once the job is done.
  const providers = metadataProviders(config);
  const enrichment = startEnrichment(database, providers, (line) => console.log(line), {
    publish: async () => {
      await schedule.runNow();
    },
  });
  const app = createApp({
    database,
    webDir: config.WEB_DIR,
    allowedOrigins: config.ALLOWED_ORIGINS,
    trustProxy: config.TRUST_PROXY,
    loginFreeAttempts: config.LOGIN_FREE_ATTEMPTS,
    providers,
    enrichment: enrichment.progress,
    log: (line) => console.log(line),
  });
  const handler = trackInFlight(app.fetch);
  const { server, port } = await listen(handler.fetch, {
    port: config.PORT,
    hostname: config.HOST,
  });
  console.log(`Filmfold is running at http://${config.HOST}:${port}/`);
  // SIGTERM: abandon a running retraining, stop accepting (new requests on open connections get
  // 503), let every request in flight finish, then close the database.
  const stopRetention = scheduleRetention(database, (line) => console.log(line));
  const stop = () => {
    schedule.stop();
    stopRetention();
    server.close();
    void handler
      .drain()
      .then(() => enrichment.stop())
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
