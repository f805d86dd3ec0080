// Runs in Node. Of all server processes on one database, exactly one leads: it runs the scheduled
// work (the first training, retraining, enrichment from TMDB, retention sweeps) while the others
// only serve requests. Leadership is PostgreSQL's advisory lock, held by a session of its own: a
// process that dies loses it with its connection, and another takes it at its next try.
import type { Database, LockSession } from '../db/database';
import { describeServerError } from '../errors';

/** The advisory lock's key: "filmfold" as a 31-bit number. */
export const LEADER_LOCK = 0x66_69_6c_6d;

export interface LeadershipOptions {
  /** How often a follower tries to take the lock, and a leader checks it still holds it. */
  pollMs?: number;
  log?: (line: string) => void;
}

export interface Leadership {
  isLeader(): boolean;
  /** The first try, done (and, when it led, the work started: the first training included). */
  firstTurn: Promise<void>;
  /** Gives up leading (its work stopped first) and stops trying. */
  stop(): Promise<void>;
}

/**
 * Tries to lead every `pollMs`; once leading, runs `lead()` (which starts the scheduled work and
 * answers how to stop it), and stops that work if the lock is ever lost.
 */
export function startLeadership(
  database: Database,
  lead: () => Promise<() => Promise<void> | void>,
  { pollMs = 2_000, log = console.log }: LeadershipOptions = {},
): Leadership {
  let session: LockSession | null = null;
  let stopWork: (() => Promise<void> | void) | null = null;
  let isStopped = false;
  let turn: Promise<void> = Promise.resolve();

  async function resign(): Promise<void> {
    const stopping = stopWork;
    stopWork = null;
    await stopping?.();
    await session?.close().catch(() => undefined);
    session = null;
  }

  async function check(): Promise<void> {
    if (isStopped) return;
    try {
      if (stopWork) {
        if (!(await session!.isHeld())) {
          log('Leadership lost (the database session ended): scheduled work stops here.');
          await resign();
        }
        return;
      }
      session ??= await database.lockSession(LEADER_LOCK);
      if (!(await session.tryLock())) return;
      log('This process leads: it runs retraining, enrichment and retention.');
      stopWork = await lead();
    } catch (err) {
      log(`Leadership check failed: ${describeServerError(err)}`);
      await resign().catch(() => undefined);
    }
  }

  const tick = () => (turn = turn.then(check));
  const firstTurn = tick();
  const timer = setInterval(() => void tick(), pollMs);
  timer.unref();
  return {
    isLeader: () => stopWork !== null,
    firstTurn,
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await turn;
      await resign();
    },
  };
}
