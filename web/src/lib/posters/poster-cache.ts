// Runs in the page, the service worker and Node. Where posters are asked for and kept: one
// definition for the image proxy's URL and the service worker's cache of them.

/** The service worker's cache of poster images, kept across app versions. */
export const POSTER_CACHE = 'filmfold-posters';

/** A poster through the server's image proxy. @example posterUrl('w185', '/abc.jpg') */
export const posterUrl = (size: 'w185' | 'w500', posterPath: string) =>
  `/api/posters/${size}${posterPath}`;
