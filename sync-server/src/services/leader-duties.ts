// Runs in Node. The scheduled work of the process that leads (leadership.ts): the first training
// when nothing is published yet, retraining on its schedule, enrichment from TMDB, retention
// sweeps, and the leader's status row that the other processes read.
import { hostname } from 'node:os';
import { pid } from 'node:process';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { describeServerError } from '../errors';
import type { MetadataProviders } from '../providers/providers';
import { type EnrichmentProgress, startEnrichment } from './enrichment-runner';
import { LEADER_HEARTBEAT_MS, writeLeaderStatus } from './leader-status';
import { latestManifest } from './publishing';
import { retrain, retrainInWorker } from './retrain';
import { scheduleRetraining } from './retrain-schedule';
import { scheduleRetention } from './retention';

export interface LeaderDuties {
  progress(): EnrichmentProgress;
  /** Stops every job (a running retraining is abandoned) and the status row's heartbeat. */
  stop(): Promise<void>;
}

export async function startLeaderDuties(
  database: Database,
  config: Config,
  providers: MetadataProviders,
  log: (line: string) => void,
): Promise<LeaderDuties> {
  const since = new Date();
  if (!(await latestManifest(database))) {
    log('No model published yet: importing MovieLens and training the first one …');
    try {
      await retrain(database, config, (message) => log(`  ${message}`));
    } catch (err) {
      // Accounts and sync still work; recommendations wait for a model (GET /api/artifacts/latest: 503).
      log(`Could not build the first model: ${describeServerError(err)}`);
    }
  }
  const schedule = scheduleRetraining(config.RETRAIN_HOURS * 3_600_000, () =>
    retrainInWorker(database, config, (message) => log(`  ${message}`)),
  );
  // New film details from TMDB reach devices with the next catalog: retrain once the job is done.
  const enrichment = startEnrichment(database, providers, log, {
    publish: async () => {
      await schedule.runNow();
    },
  });
  const stopRetention = scheduleRetention(database, log);
  const beat = () =>
    writeLeaderStatus(database, {
      process: `${pid}@${hostname()}`,
      since,
      heartbeat: new Date(),
      enrichment: enrichment.progress(),
    }).catch((err: unknown) =>
      log(`Could not write the leader's status: ${describeServerError(err)}`),
    );
  await beat();
  const heartbeat = setInterval(() => void beat(), LEADER_HEARTBEAT_MS);
  heartbeat.unref();
  return {
    progress: enrichment.progress,
    async stop() {
      clearInterval(heartbeat);
      schedule.stop();
      stopRetention();
      await enrichment.stop();
    },
  };
}
