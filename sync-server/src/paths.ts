// Runs in Node. Folders the server finds beside it. This file sits one level below the package
// root, as the compiled server (dist/main.js) does, so the same relative URLs work in both.
import { fileURLToPath } from 'node:url';
import { defaultThreadFile } from '@filmfold/model/threads';

const fromPackage = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The committed SQL migrations. */
export const migrationsFolder = fromPackage('drizzle');
/** The built PWA, served unless WEB_DIR says otherwise. */
export const defaultWebDir = fromPackage('../web/build');
/** PGlite's folder and downloads, unless DATA_DIR says otherwise. */
export const defaultDataDir = fromPackage('../data');

const fromSources = import.meta.url.endsWith('.ts');

/**
 * The retraining worker's script: the compiled one beside the compiled server, or the TypeScript
 * source (run through tsx) when the server itself runs from sources.
 */
export const retrainWorker = fromSources
  ? fromPackage('src/services/retrain-worker.ts')
  : fromPackage('dist/retrain-worker.js');

/** The script of each training thread (@filmfold/model/threads), compiled or from sources. */
export const trainThread = fromSources ? defaultThreadFile : fromPackage('dist/train-thread.js');
