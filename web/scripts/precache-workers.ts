// Runs in Node, after `vite build` (part of `npm run build -w web`). SvelteKit's `build` list for
// the service worker leaves out the Web Workers' own bundles (sveltejs/kit#12438, open), so a
// device that went offline before it had started a worker (the recommender, say) could never
// start it. This writes the workers' paths into the built service worker, in place of the
// placeholder that src/service-worker.ts keeps for them, so that they are cached at install too.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLACEHOLDER = '@@FILMFOLD_WORKERS@@';
const build = fileURLToPath(new URL('../build/', import.meta.url));
const workersDir = `${build}_app/immutable/workers/`;
const serviceWorker = `${build}service-worker.js`;

// The workers and the chunks they load later (tfjs, say), in the folders beneath.
const workers = readdirSync(workersDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.js'))
  .map((name) => `/_app/immutable/workers/${name.split(sep).join('/')}`);
if (workers.length === 0) throw new Error(`No worker bundles in ${workersDir}.`);
const source = readFileSync(serviceWorker, 'utf8');
if (!source.includes(PLACEHOLDER))
  throw new Error(`The built service worker has no ${PLACEHOLDER} to fill.`);
writeFileSync(serviceWorker, source.replace(PLACEHOLDER, workers.join(',')));
console.log(`The service worker precaches ${workers.length} worker bundles and chunks.`);
