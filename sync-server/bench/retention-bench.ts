// Runs in Node: part of `npm run bench`. Two simulated months of a small server (pushes, sign-ins,
// failed sign-ins, weekly publishing) on two in-memory databases side by side, one swept hourly
// by the retention job as a server does and one never swept: the row counts show what stays
// bounded and what would only grow.
import { randomBytes, randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { LoginThrottle } from '../src/auth/login-throttle';
import { createSession } from '../src/auth/sessions';
import { type Database, openDatabase } from '../src/db/database';
import { artifacts, loginFailures, sessions, syncMutations, users } from '../src/db/schema';
import { publishArtifacts } from '../src/services/publishing';
import { sweepRetention } from '../src/services/retention';
import { pushChanges } from '../src/services/sync';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2024-03-01T00:00:00Z');
const DAYS = 60;
const PEOPLE = 20;
const PUSHES_PER_PERSON_PER_DAY = 5;
const FAILED_SIGN_INS_PER_DAY = 30;

async function rowCounts(database: Database) {
  const n = async (
    table: typeof syncMutations | typeof sessions | typeof loginFailures | typeof artifacts,
  ) => Number((await database.db.select({ n: count() }).from(table))[0]!.n);
  return {
    mutations: await n(syncMutations),
    sessions: await n(sessions),
    loginFailures: await n(loginFailures),
    artifacts: await n(artifacts),
  };
}

/** One simulated day on `database`. */
async function simulateDay(database: Database, people: string[], day: number): Promise<void> {
  const now = START + day * DAY;
  for (const [i, userId] of people.entries()) {
    for (let p = 0; p < PUSHES_PER_PERSON_PER_DAY; p++) {
      const at = now + i * 1000 + p;
      const movieId = 1 + ((day * PUSHES_PER_PERSON_PER_DAY + p) % 400);
      await pushChanges(
        database,
        userId,
        {
          protocolVersion: 1,
          deviceId: 'benchDevice',
          mutationId: randomUUID(),
          changes: [
            {
              kind: 'rating',
              key: String(movieId),
              value: { movieId, rating: 1 + (p % 5), ratedAt: new Date(at).toISOString() },
              hlc: `${new Date(at).toISOString()}-0000-benchDevice`,
            },
          ],
        },
        at,
      );
    }
    await createSession(database.db, userId, new Date(now));
  }
  const throttle = new LoginThrottle(database);
  for (let f = 0; f < FAILED_SIGN_INS_PER_DAY; f++)
    await throttle.reserve([`account:someone${f}`, `address:10.${day}.${f}.1`], new Date(now));
  if (day % 7 === 0)
    await publishArtifacts(database, { catalog: randomBytes(256), model: randomBytes(256) });
}

async function main(): Promise<void> {
  const swept = await openDatabase({});
  const unswept = await openDatabase({});
  const people = Array.from({ length: PEOPLE }, () => randomUUID());
  for (const database of [swept, unswept])
    await database.db
      .insert(users)
      .values(people.map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x' })));

  const rows: string[] = [];
  for (let day = 0; day < DAYS; day++) {
    process.stderr.write(`\rSimulating day ${day + 1} of ${DAYS} …`);
    for (const database of [swept, unswept]) await simulateDay(database, people, day);
    await sweepRetention(swept, new Date(START + day * DAY));
    if ((day + 1) % 15 === 0) {
      const [a, b] = [await rowCounts(swept), await rowCounts(unswept)];
      rows.push(
        `| ${day + 1} | ${a.mutations} / ${b.mutations} | ${a.sessions} / ${b.sessions} | ${a.loginFailures} / ${b.loginFailures} | ${a.artifacts} / ${b.artifacts} |`,
      );
    }
  }
  process.stderr.write('\n');
  console.log(
    `Retention: ${PEOPLE} people, ${PUSHES_PER_PERSON_PER_DAY} pushes and a sign-in each a day, ${FAILED_SIGN_INS_PER_DAY} failed sign-ins a day, weekly publishing.`,
  );
  console.log('Rows with the retention sweep / without it (PGlite in memory).\n');
  console.log('| day | sync_mutations | sessions | login_failures | artifacts |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
  await swept.close();
  await unswept.close();
}

await main();
