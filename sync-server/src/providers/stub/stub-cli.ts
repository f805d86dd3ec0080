// Runs in Node: `npm run stub -w sync-server` serves the TMDB/OMDb stub for development without
// keys. With STUB_MOVIELENS (a MovieLens folder) and STUB_METADATA (a movie_metadata.csv) its
// answers carry those films' real titles, directors and cast.
import { STUB_KEYS } from './provider-stub';
import { startProviderStub } from './serve-stub';
import { loadStubFilms } from './stub-films';

const port = Number(process.env.STUB_PORT ?? 4400);
const { STUB_MOVIELENS: movielens, STUB_METADATA: metadata } = process.env;
const films = movielens && metadata ? await loadStubFilms(movielens, metadata) : undefined;
const { base } = await startProviderStub(port, films);
console.log(`TMDB and OMDb stub at ${base}${films ? ` (${films.size} films known)` : ''}. Start the server with:
  TMDB_BASE_URL=${base}/tmdb/3 TMDB_IMAGE_BASE_URL=${base}/images TMDB_KEY=${STUB_KEYS.tmdb} OMDB_BASE_URL=${base}/omdb OMDB_KEY=${STUB_KEYS.omdb} npm start
Misbehave with: curl -XPOST ${base}/__stub/mode -d '{"mode":"rate-limit","count":5}'`);
