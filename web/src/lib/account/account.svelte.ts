// Runs in the browser. Who is signed in on this device, and the account actions.
import { apiClient } from '$lib/api/client';
import type { FilmfoldDb } from '$lib/db/database';
import { deleteSetting, getSetting, putSetting } from '$lib/db/settings';

export type AccountOutcome = { ok: true } | { ok: false; message: string };

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    return body.error?.message ?? `The server answered ${res.status}.`;
  } catch {
    return `The server answered ${res.status}.`;
  }
}

const offline: AccountOutcome = {
  ok: false,
  message: 'You are offline. Try again when connected.',
};

class AccountState {
  current: { id: string; email: string } | null = $state(null);

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
    } catch {
      // Offline: keep the remembered account; sync shows "offline".
    }
  }

  async signUp(db: FilmfoldDb, email: string, password: string): Promise<AccountOutcome> {
    try {
      const res = await apiClient().api.auth.signup.$post({ json: { email, password } });
      if (!res.ok) return { ok: false, message: await errorMessage(res) };
      const body = await res.json();
      await this.remember(db, { id: body.id, email: body.email });
      return { ok: true };
    } catch {
      return offline;
    }
  }

  async logIn(db: FilmfoldDb, email: string, password: string): Promise<AccountOutcome> {
    try {
      const res = await apiClient().api.auth.login.$post({ json: { email, password } });
      if (!res.ok) return { ok: false, message: await errorMessage(res) };
      const body = await res.json();
      await this.remember(db, { id: body.id, email: email.trim().toLowerCase() });
      return { ok: true };
    } catch {
      return offline;
    }
  }

  async logOut(db: FilmfoldDb): Promise<AccountOutcome> {
    try {
      const res = await apiClient().api.auth.logout.$post();
      if (!res.ok) return { ok: false, message: await errorMessage(res) };
    } catch {
      return offline;
    }
    await this.forget(db);
    return { ok: true };
  }

  /** Deletes the account and everything synced to it; this device keeps its own copy. */
  async deleteAccount(db: FilmfoldDb, password: string): Promise<AccountOutcome> {
    try {
      const res = await apiClient().api.account.$delete({ json: { password } });
      if (!res.ok) return { ok: false, message: await errorMessage(res) };
    } catch {
      return offline;
    }
    await this.forget(db);
    return { ok: true };
  }

  private async remember(db: FilmfoldDb, account: { id: string; email: string }): Promise<void> {
    const previous = await getSetting(db, 'account');
    // Another account on this device pulls its own history from the start.
    if (previous?.id !== account.id) await deleteSetting(db, 'syncCursor');
    await putSetting(db, 'account', account);
    this.current = account;
  }

  private async forget(db: FilmfoldDb): Promise<void> {
    await db.transaction('rw', db.settings, async () => {
      await deleteSetting(db, 'account');
      await deleteSetting(db, 'syncCursor');
      await deleteSetting(db, 'pendingPush');
    });
    this.current = null;
  }
}

export const account = new AccountState();
