// Runs in the service worker. Keeps the app shell offline: every built file (the workers' too) and
// static asset is cached at install, pages are answered with the cached shell. Of the API, only posters (immutable:
// cache first) and film extras and trending (network first, the last answer kept for offline) are
// cached here; everything else the app keeps in IndexedDB. A new version waits until the page says so.
/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';
import { POSTER_CACHE } from '$lib/posters/poster-cache';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `filmfold-shell-${version}`;
const SHELL = '/';
/**
 * The Web Workers' bundles, which SvelteKit's `build` leaves out (sveltejs/kit#12438): the build
 * writes their paths over this placeholder (web/scripts/precache-workers.ts); in development it
 * stays as it is and names none.
 */
const WORKERS = '@@FILMFOLD_WORKERS@@'.split(',').filter((path) => path.startsWith('/'));
const PRECACHE = [SHELL, ...build, ...WORKERS, ...files];
/** Kept across app versions: a poster's URL always means the same image. */
const POSTERS = POSTER_CACHE;
const POSTERS_KEPT = 3000;
/** The last answer of each film's extras and of trending, for offline visits. */
const LIVE = 'filmfold-live';
const RUNTIME_CACHES = [POSTERS, LIVE];
/** Posters cached since this worker started; every 100th triggers a trim. */
let postersAdded = 0;

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (key !== CACHE && !RUNTIME_CACHES.includes(key)) await caches.delete(key);
      await trimPosters();
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
  if (url.pathname.startsWith('/api/posters/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (/^\/api\/(films\/\d+\/extras|trending)$/.test(url.pathname)) {
    event.respondWith(networkFirst(request));
    return;
  }
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

/** Posters: from the cache when there, else fetched and kept (the oldest dropped past a limit). */
async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(POSTERS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    // Listing the cache is not free: trim after every 100 new posters (and at activation).
    if (++postersAdded % 100 === 0) await trimPosters();
  }
  return response;
}

/** Drops the oldest posters past POSTERS_KEPT. */
async function trimPosters(): Promise<void> {
  const cache = await caches.open(POSTERS);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - POSTERS_KEPT))) await cache.delete(old);
}

/** Live answers: from the network, the last good one kept; offline, the kept one. */
async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(LIVE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw err;
  }
}
