// Runs in Node: `npm run stub -w sync-server` serves the TMDB/OMDb stub for development without keys.
import { STUB_KEYS } from './provider-stub';
import { startProviderStub } from './serve-stub';

const port = Number(process.env.STUB_PORT ?? 4400);
const { base } = await startProviderStub(port);
console.log(`TMDB and OMDb stub at ${base}. Start the server with:
  TMDB_BASE_URL=${base}/tmdb/3 TMDB_KEY=${STUB_KEYS.tmdb} OMDB_BASE_URL=${base}/omdb OMDB_KEY=${STUB_KEYS.omdb} npm start
Misbehave with: curl -XPOST ${base}/__stub/mode -d '{"mode":"rate-limit","count":5}'`);
