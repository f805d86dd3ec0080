// Runs in the service worker. Keeps the app shell offline: every built file and static asset is
// cached at install, pages are answered with the cached shell, and the API is left to the network
// (the app keeps its data in IndexedDB, not here). A new version waits until the page says so.
/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `filmfold-shell-${version}`;
const SHELL = '/';
const PRECACHE = [SHELL, ...build, ...files];

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (url.pathname.startsWith('/api/')) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every page is the same client-side app: answer navigations with the cached shell.
      const cached = await cache.match(request.mode === 'navigate' ? SHELL : request);
      if (cached) return cached;
      return fetch(request);
    })(),
  );
});
