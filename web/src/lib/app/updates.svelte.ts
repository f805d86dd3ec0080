// Runs in the browser. Notices a new version of the app waiting in the service worker.

class Updates {
  /** A newer service worker, installed and waiting to take over. */
  waiting: ServiceWorker | null = $state.raw(null);

  /** Watches the service worker registration; the page reloads once a new version takes over. */
  watch(): void {
    const container = navigator.serviceWorker;
    if (!container) return;
    let isReloading = false;
    // The first install also changes the controller (clients.claim): only an update reloads.
    const hadController = container.controller !== null;
    container.addEventListener('controllerchange', () => {
      if (isReloading || !hadController) return;
      isReloading = true;
      location.reload();
    });
    void container.getRegistration().then((registration) => {
      if (!registration) return;
      if (registration.waiting && container.controller) this.waiting = registration.waiting;
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          // With no controller this is the first install, not an update.
          if (installing.state === 'installed' && container.controller) this.waiting = installing;
        });
      });
    });
  }

  /** Lets the waiting version take over (the page reloads). */
  apply(): void {
    this.waiting?.postMessage({ type: 'skip-waiting' });
  }
}

export const updates = new Updates();
