// Runs in the browser. The app's shared state: the open database, the installed catalog (its
// films read as pages show them), and the first-run download.
import { apiClient } from '$lib/api/client';
import { FilmStore } from '$lib/catalog/film-store.svelte';
import { type DownloadProgress, installLatestSnapshots } from '$lib/catalog/snapshot-download';
import type { FilmfoldDb } from '$lib/db/database';
import { openDeviceDb } from '$lib/db/device-db';
import { getSetting, putSetting } from '$lib/db/settings';
import { handleError, toasts } from '$lib/ui/toasts.svelte';
import { catalogWorker } from '../../workers/device';

export type InstallState =
  | { state: 'idle' }
  | { state: 'running'; progress: DownloadProgress }
  | { state: 'failed'; message: string };

class AppState {
  db: FilmfoldDb | null = $state.raw(null);
  storageError: string | null = $state(null);
  /** The installed catalog's films, by id, as pages ask for them. */
  readonly films = new FilmStore();
  /** How many films the installed catalog has. */
  filmCount = $state(0);
  catalogVersion: string | null = $state(null);
  install: InstallState = $state({ state: 'idle' });
  hasStarted = $state(false);
  /** The catalog arrived for the first time in this visit: a newcomer, to be welcomed. */
  isFirstInstall = $state(false);
  /** The welcome (three ways to begin) was answered; true until known, so nobody is sent there by mistake. */
  hasSeenStart = $state(true);

  get isCatalogReady(): boolean {
    return this.catalogVersion !== null;
  }

  /** Opens the database and shows the stored catalog, downloading it first if there is none. */
  async start(): Promise<void> {
    // Every main page asks the device worker: its script loads while the database opens.
    catalogWorker();
    const opened = await openDeviceDb();
    if (!opened.ok) {
      this.storageError = opened.message;
      this.hasStarted = true;
      return;
    }
    this.db = opened.db;
    this.hasSeenStart = (await getSetting(opened.db, 'hasSeenStart')) === true;
    await this.openCatalog();
    this.hasStarted = true;
    // First run downloads in the foreground; later a newer catalog comes in the background.
    await this.installLatest({ isBackground: this.isCatalogReady });
  }

  /** Downloads and swaps in a newer catalog and model if the server has one. */
  async installLatest({ isBackground }: { isBackground: boolean }): Promise<void> {
    const db = this.db;
    if (!db || this.install.state === 'running') return;
    if (!isBackground)
      this.install = {
        state: 'running',
        progress: { phase: 'checking', receivedBytes: 0, totalBytes: 0 },
      };
    try {
      const outcome = await installLatestSnapshots(db, apiClient(), (progress) => {
        if (!isBackground) this.install = { state: 'running', progress };
      });
      if (outcome.ok) {
        this.install = { state: 'idle' };
        if (outcome.isUpdated) {
          // Before the films appear, so that the welcome comes first, not after a glimpse of Browse.
          if (!isBackground) this.isFirstInstall = true;
          await this.openCatalog();
          // A newcomer browses next: the device worker reads the films meanwhile.
          if (!isBackground) void catalogWorker().prepareCatalog();
          if (isBackground) toasts.show('A newer catalog was installed.');
        }
      } else {
        this.install = isBackground
          ? { state: 'idle' }
          : { state: 'failed', message: outcome.message };
        // Cut off by the network: start again by itself once the device is back online.
        if (outcome.reason === 'interrupted' || outcome.reason === 'offline') {
          this.retryWhenOnline(isBackground);
        }
      }
    } catch (err) {
      this.install = isBackground
        ? { state: 'idle' }
        : { state: 'failed', message: 'The download failed; try again.' };
      handleError(err, 'Installing the catalog');
    }
  }

  /** The welcome was answered: it is not offered again. */
  async markStartSeen(): Promise<void> {
    this.hasSeenStart = true;
    if (this.db) await putSetting(this.db, 'hasSeenStart', true);
  }

  private isWaitingForOnline = false;

  private retryWhenOnline(isBackground: boolean): void {
    if (this.isWaitingForOnline) return;
    this.isWaitingForOnline = true;
    const retry = () => {
      this.isWaitingForOnline = false;
      void this.installLatest({ isBackground });
    };
    window.addEventListener('online', retry, { once: true });
  }

  private async openCatalog(): Promise<void> {
    const db = this.db;
    if (!db) return;
    const snapshot = await db.snapshots.get('catalog');
    if (!snapshot) return;
    this.films.reset(db);
    this.filmCount = await db.films.count();
    this.catalogVersion = snapshot.version;
  }
}

export const app = new AppState();

/** The open database; pages render only once it is, so reaching here without one is a bug. */
export function deviceDb(): FilmfoldDb {
  if (!app.db) throw new Error('The device database is not open yet.');
  return app.db;
}
