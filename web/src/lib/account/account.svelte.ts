// Runs in the browser. Who is signed in on this device, and the account actions.
import { apiClient, NetworkError } from '$lib/api/client';
import type { FilmfoldDb } from '$lib/db/database';
import { getSetting } from '$lib/db/settings';
import {
  adoptSignedOutChanges,
  type DeviceAccount,
  settleStrayChanges,
  strayChanges,
  type StrayChanges,
  type StrayChoice,
  switchAccount,
} from './device-account';

export type AccountOutcome = { ok: true } | { ok: false; message: string };

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    return body.error?.message ?? `The server answered ${res.status}.`;
  } catch {
    return `The server answered ${res.status}.`;
  }
}

/** No answer from the server is an outcome; any other exception is a bug, and goes on up. */
function offlineOrThrow(err: unknown): AccountOutcome {
  if (err instanceof NetworkError)
    return { ok: false, message: 'You are offline. Try again when connected.' };
  throw err;
}

class AccountState {
  current: DeviceAccount | null = $state(null);

  /** Remembered account first (works offline), then what the server says when reachable. */
  async load(db: FilmfoldDb): Promise<void> {
    this.current = (await getSetting(db, 'account')) ?? null;
    if (!this.current) return;
    try {
      const res = await apiClient().api.account.$get();
      if (res.status === 401) await this.forget(db);
      else if (res.ok) {
        const body = await res.json();
        await this.remember(db, { id: body.id, email: body.email });
      }
    } catch (err) {
      // Offline: keep the remembered account; sync shows "offline".
      if (!(err instanceof NetworkError)) throw err;
    }
  }

  async signUp(db: FilmfoldDb, email: string, password: string): Promise<AccountOutcome> {
    try {
      const res = await apiClient().api.auth.signup.$post({ json: { email, password } });
      if (!res.ok) return { ok: false, message: await errorMessage(res) };
      const body = await res.json();
      await this.remember(db, { id: body.id, email: body.email });
      await adoptSignedOutChanges(db, body.id);
      return { ok: true };
    } catch (err) {
      return offlineOrThrow(err);
    }
  }

  async logIn(db: FilmfoldDb, email: string, password: string): Promise<AccountOutcome> {
    try {
      const res = await apiClient().api.auth.login.$post({ json: { email, password } });
      if (!res.ok) return { ok: false, message: await errorMessage(res) };
      const body = await res.json();
      await this.remember(db, { id: body.id, email: email.trim().toLowerCase() });
      return { ok: true };
    } catch (err) {
      return offlineOrThrow(err);
    }
  }

  async logOut(db: FilmfoldDb): Promise<AccountOutcome> {
    try {
      const res = await apiClient().api.auth.logout.$post();
      if (!res.ok) return { ok: false, message: await errorMessage(res) };
    } catch (err) {
      return offlineOrThrow(err);
    }
    await this.forget(db);
    return { ok: true };
  }

  /** Deletes the account and everything synced to it; this device keeps its own copy. */
  async deleteAccount(db: FilmfoldDb, password: string): Promise<AccountOutcome> {
    try {
      const res = await apiClient().api.account.$delete({ json: { password } });
      if (!res.ok) return { ok: false, message: await errorMessage(res) };
    } catch (err) {
      return offlineOrThrow(err);
    }
    await this.forget(db);
    return { ok: true };
  }

  /** Unsent changes made here by someone other than the signed-in account, not yet decided on. */
  strayChanges(db: FilmfoldDb): Promise<StrayChanges> {
    if (!this.current) return Promise.resolve({ signedOut: 0, otherAccounts: 0 });
    return strayChanges(db, this.current.id);
  }

  async settleStrayChanges(db: FilmfoldDb, choice: StrayChoice): Promise<void> {
    if (this.current) await settleStrayChanges(db, this.current.id, choice);
  }

  private async remember(db: FilmfoldDb, account: DeviceAccount): Promise<void> {
    await switchAccount(db, account);
    this.current = account;
  }

  private async forget(db: FilmfoldDb): Promise<void> {
    await switchAccount(db, null);
    this.current = null;
  }
}

export const account = new AccountState();
