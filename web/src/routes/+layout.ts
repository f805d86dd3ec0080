// A client-side app: everything renders in the browser, from IndexedDB when offline.
export const ssr = false;
export const prerender = false;
