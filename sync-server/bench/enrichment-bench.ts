// Runs in Node: part of `npm run bench`. The enrichment job against the local TMDB stub: films per
// minute at TMDB's configured rate and with the throttle out of the way (the job's own ceiling),
// and the catalog snapshot's size for ml-latest-small with and without the enriched fields.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { readOverviews } from '@filmfold/datasets';
import { type Database, openDatabase } from '../src/db/database';
import { STUB_KEYS } from '../src/providers/stub/provider-stub';
import { startProviderStub } from '../src/providers/stub/serve-stub';
import { loadStubFilms } from '../src/providers/stub/stub-films';
import { createTmdbClient } from '../src/providers/tmdb';
import { realClock, TokenBucket } from '../src/providers/token-bucket';
import { enrichCatalog } from '../src/services/enrichment';
import { catalogOf, filmDetails } from '../src/services/publishing';
import { loadSeed } from '../src/services/seed';

const shared = (path: string) => fileURLToPath(new URL(`../../../shared/${path}`, import.meta.url));
const MOVIELENS = process.env.MOVIELENS ?? shared('datasets/ml-latest-small');
const METADATA = shared('datasets/metadata/movie_metadata.csv');
const TOP_1000 = shared('datasets/metadata/imdb_top_1000.csv');
/** TMDB's published limit, the server's default TMDB_RATE. */
const TMDB_RATE = 40;
const RUNS = 3;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const seed = await loadSeed({ path: MOVIELENS, archive: 'ml-latest-small', cacheDir: '/tmp' });
const stubFilms = await loadStubFilms(MOVIELENS, METADATA);
const running = await startProviderStub(0, stubFilms);
const database: Database = await openDatabase({});
const films = seed.movies.map((m) => ({ movieId: m.id, tmdbId: m.tmdbId }));
const client = (perSecond: number) =>
  createTmdbClient(
    { baseUrl: `${running.base}/tmdb/3`, key: STUB_KEYS.tmdb },
    { bucket: new TokenBucket(perSecond, 20), clock: realClock, timeoutMs: 8000, retries: 3 },
  );

/** Films per minute over `count` films not yet enriched, starting at film index `from`. */
async function throughput(perSecond: number, from: number, count: number): Promise<number> {
  const started = performance.now();
  const report = await enrichCatalog(database, client(perSecond), {
    films: films.slice(from, from + count),
  });
  const minutes = (performance.now() - started) / 60_000;
  return (report.enriched + report.skipped) / minutes;
}

console.log(
  `\nEnrichment against the local TMDB stub (${films.length} films, ${RUNS} runs each, median)\n`,
);
const rows: [string, number, number][] = [];
let next = 0;
for (const [label, rate, count] of [
  [`TMDB_RATE=${TMDB_RATE} (TMDB's limit)`, TMDB_RATE, 400],
  ['throttle off (the job itself)', 100_000, 1000],
] as const) {
  const perMinute: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    perMinute.push(await throughput(rate, next, count));
    next += count;
  }
  rows.push([label, count, median(perMinute)]);
}
console.log('| rate | films per run | films per minute | 62,423 films (ml-25m) take |');
console.log('| --- | ---: | ---: | ---: |');
for (const [label, count, perMinute] of rows)
  console.log(
    `| ${label} | ${count} | ${Math.round(perMinute).toLocaleString('en')} | ${(62_423 / perMinute).toFixed(1)} min |`,
  );

// The rest of the catalog, unthrottled, for the size comparison.
await enrichCatalog(database, client(100_000), { films });
const details = await filmDetails(database);
const createdAt = new Date().toISOString();
const sizes = (catalog: unknown) => {
  const json = Buffer.from(JSON.stringify(catalog));
  return { json: json.length, gzip: gzipSync(json).length };
};
const plain = sizes(catalogOf(seed, seed.ratings, createdAt));
const enriched = sizes(catalogOf(seed, seed.ratings, createdAt, details));
// The stub gives every film the same overview, which gzip folds away: estimate real ones from
// 1,000 real plot summaries (imdb_top_1000.csv), gzipped on their own, per film.
const noOverviews = new Map([...details].map(([id, d]) => [id, { ...d, overview: null }]));
const withoutOverview = sizes(catalogOf(seed, seed.ratings, createdAt, noOverviews));
const overviews = await readOverviews(TOP_1000);
const perOverview = gzipSync(Buffer.from(JSON.stringify(overviews))).length / overviews.length;
const withOverview = [...details.values()].filter((d) => d.overview).length;
const estimate = withoutOverview.gzip + perOverview * withOverview;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
console.log(`\nCatalog snapshot for ${seed.movies.length} films (${details.size} enriched)\n`);
console.log('| catalog | JSON | gzip (what a device downloads) |');
console.log('| --- | ---: | ---: |');
console.log(`| MovieLens only | ${mb(plain.json)} | ${mb(plain.gzip)} |`);
console.log(
  `| + poster, runtime, directors, cast, keywords | ${mb(withoutOverview.json)} | ${mb(withoutOverview.gzip)} |`,
);
console.log(
  `| + overview (stub: one text repeated) | ${mb(enriched.json)} | ${mb(enriched.gzip)} |`,
);
console.log(
  `| + overview, estimated from real plots (${Math.round(perOverview)} B gzip each) | - | ${mb(estimate)} |`,
);
await database.close();
running.close();
