// Runs in the browser. Anonymous contribution: when the person turns it on, the device sends its
// ratings under a random contributor id, without cookies, dated to the day, and rotates the id.
import type { Contribution } from '@filmfold/model';
import type { ApiClient } from '$lib/api/client';
import type { FilmfoldDb } from '$lib/db/database';
import { getSetting, putSetting, randomId, type Settings } from '$lib/db/settings';

/** How often a contributing device sends its ratings again. */
export const SEND_EVERY_MS = 24 * 60 * 60 * 1000;
/** How long one contributor id is used before the device makes a new one. */
export const ROTATE_EVERY_MS = 30 * 24 * 60 * 60 * 1000;

/** Never send the session cookie: the server must not be able to link this to an account. */
const anonymous = { init: { credentials: 'omit' as const } };

export type ContributionOutcome =
  | { ok: true; sent: number }
  | { ok: false; reason: 'off' | 'nothing-to-send' | 'offline' | 'refused'; message: string };

/** The ratings as contributed: film, stars and the day only. */
export function contributionOf(
  contributorId: string,
  ratings: readonly { movieId: number; rating: number; ratedAt: string }[],
): Contribution {
  return {
    contributorId,
    ratings: ratings.map((r) => ({
      movieId: r.movieId,
      rating: r.rating,
      ratedOn: r.ratedAt.slice(0, 10),
    })),
  };
}

async function withdraw(client: ApiClient, contributorId: string): Promise<boolean> {
  try {
    const res = await client.api.contributions[':contributorId'].$delete(
      { param: { contributorId } },
      anonymous,
    );
    return res.ok;
  } catch {
    return false;
  }
}

/** Turns contributing on (with a fresh id, sending at once) or off (optionally withdrawing). */
export async function setContributing(
  db: FilmfoldDb,
  client: ApiClient,
  isOn: boolean,
  { shouldWithdraw = false } = {},
): Promise<ContributionOutcome> {
  const current = await getSetting(db, 'contribution');
  if (!isOn) {
    if (current) await putSetting(db, 'contribution', { ...current, isOn: false });
    if (current && shouldWithdraw && !(await withdraw(client, current.contributorId))) {
      return {
        ok: false,
        reason: 'offline',
        message: 'Turned off. What was sent could not be withdrawn while offline.',
      };
    }
    return { ok: false, reason: 'off', message: 'Contribution is off.' };
  }
  const setting: Settings['contribution'] = {
    isOn: true,
    contributorId: randomId(),
    since: new Date().toISOString(),
    lastSentAt: null,
  };
  await putSetting(db, 'contribution', setting);
  return sendContribution(db, client);
}

/** Sends the person's ratings if contributing is on and they are due (or `force`). */
export async function sendContribution(
  db: FilmfoldDb,
  client: ApiClient,
  { force = true, now = Date.now() } = {},
): Promise<ContributionOutcome> {
  let setting = await getSetting(db, 'contribution');
  if (!setting?.isOn) return { ok: false, reason: 'off', message: 'Contribution is off.' };
  if (!force && setting.lastSentAt && now - Date.parse(setting.lastSentAt) < SEND_EVERY_MS) {
    return { ok: true, sent: 0 };
  }
  if (now - Date.parse(setting.since) >= ROTATE_EVERY_MS) {
    // A new id every month: the old uploads are withdrawn so that nothing is counted twice.
    if (!(await withdraw(client, setting.contributorId))) {
      return { ok: false, reason: 'offline', message: 'Could not reach the server.' };
    }
    setting = { ...setting, contributorId: randomId(), since: new Date(now).toISOString() };
    await putSetting(db, 'contribution', setting);
  }
  const ratings = await db.ratings.toArray();
  if (ratings.length === 0)
    return { ok: false, reason: 'nothing-to-send', message: 'Rate a film first.' };
  let res: Response;
  try {
    res = await client.api.contributions.$post(
      { json: contributionOf(setting.contributorId, ratings) },
      anonymous,
    );
  } catch {
    return {
      ok: false,
      reason: 'offline',
      message: 'Could not reach the server; will try again later.',
    };
  }
  if (!res.ok)
    return { ok: false, reason: 'refused', message: `The server answered ${res.status}.` };
  // Turned off while sending? Then this was the last send, and nothing more is recorded.
  const latest = await getSetting(db, 'contribution');
  if (latest?.isOn && latest.contributorId === setting.contributorId) {
    await putSetting(db, 'contribution', { ...latest, lastSentAt: new Date(now).toISOString() });
  }
  return { ok: true, sent: ratings.length };
}

/** Checks every hour (and now) whether a send is due; returns a stop function. */
export function scheduleContribution(db: FilmfoldDb, client: ApiClient): () => void {
  const check = () =>
    void sendContribution(db, client, { force: false }).catch((err: unknown) =>
      console.error('Sending the anonymous contribution failed:', err),
    );
  check();
  const timer = setInterval(check, 60 * 60 * 1000);
  return () => clearInterval(timer);
}
