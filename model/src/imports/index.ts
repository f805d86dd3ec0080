// @filmfold/model/imports: reading other services' exports and matching their films to the
// catalog. Runs in browser, worker and Node.
export * from './import-types';
export * from './fields';
export * from './read-export';
export * from './title-match';
export { parseLetterboxd } from './letterboxd';
export { parseImdb } from './imdb';
export { parseTrakt } from './trakt';
export { parseTmdb } from './tmdb-export';
