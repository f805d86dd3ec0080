// Runs in Node. Builds the catalog and the model snapshot from MovieLens plus contributions, and
// publishes them as immutable versions; "latest" switches in one transaction.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  buildInteractions,
  CATALOG_FORMAT_VERSION,
  type Catalog,
  type CatalogMovie,
  CONTENT_DEFAULTS,
  type ContentDocument,
  createIdIndex,
  encodeSnapshot,
  IMPLICIT_DEFAULTS,
  type Manifest,
  type Movie,
  type MovieTag,
  type RatingTable,
  RatingTableBuilder,
  selectRows,
  type Snapshot,
  STAR_DEFAULTS,
  withContentOnlyFilms,
} from '@filmfold/model';
import { startTrainPool, trainSharedModelOnPool } from '@filmfold/model/threads';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { artifacts, contributions, filmMetadata } from '../db/schema';
import { trainThread } from '../paths';

/** What the shared model starts from: a MovieLens release. */
export interface SeedData {
  source: string;
  movies: readonly Movie[];
  ratings: RatingTable;
  tags: readonly MovieTag[];
}

export type ArtifactKind = 'catalog' | 'model';

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What training reads from the database: contributions and the enriched films' details. */
export interface TrainingInput {
  contributions: (typeof contributions.$inferSelect)[];
  details: ReadonlyMap<number, FilmDetails>;
}

export async function trainingInput(database: Database): Promise<TrainingInput> {
  return {
    contributions: await database.db.select().from(contributions),
    details: await filmDetails(database),
  };
}

/**
 * Seed ratings plus every contribution of a film in the catalog; contributors get user ids after
 * the seed's. An upload is anonymous and may name any id: a film the catalog lacks would enter
 * the model where no device can show it.
 */
function pooledRatings(
  seed: RatingTable,
  rows: TrainingInput['contributions'],
  catalogIds: ReadonlySet<number>,
): { table: RatingTable; contributors: number } {
  let maxUser = 0;
  for (let r = 0; r < seed.length; r++) maxUser = Math.max(maxUser, seed.userIds[r]!);
  const ids = new Map<string, number>();
  const builder = new RatingTableBuilder(seed.length + rows.length);
  builder.append(seed);
  for (const row of rows) {
    if (!catalogIds.has(row.movieId)) continue;
    let id = ids.get(row.contributorId);
    if (id === undefined) ids.set(row.contributorId, (id = maxUser + ids.size + 1));
    builder.push(id, row.movieId, row.rating, Math.floor(Date.parse(row.ratedOn) / 1000));
  }
  return { table: builder.build(), contributors: ids.size };
}

/** Keeps the ratings of films rated by at least `minRaters` distinct people. */
export function filmsWithRaters(table: RatingTable, minRaters: number): RatingTable {
  const raters = new Map<number, number>();
  for (let r = 0; r < table.length; r++)
    raters.set(table.movieIds[r]!, (raters.get(table.movieIds[r]!) ?? 0) + 1);
  return selectRows(table, (r) => raters.get(table.movieIds[r]!)! >= minRaters);
}

/** What the enrichment job stored for a film (see film_metadata). */
export type FilmDetails = Pick<
  typeof filmMetadata.$inferSelect,
  'posterPath' | 'overview' | 'runtime' | 'directors' | 'cast' | 'keywords'
>;

/** The enriched fields a catalog entry carries: only those that have a value. */
function detailsFields(details: FilmDetails | undefined): Partial<CatalogMovie> {
  if (!details) return {};
  const fields: Partial<CatalogMovie> = {};
  if (details.posterPath) fields.posterPath = details.posterPath;
  if (details.overview) fields.overview = details.overview;
  if (details.runtime) fields.runtime = details.runtime;
  if (details.directors.length) fields.directors = details.directors.slice(0, 10);
  if (details.cast.length) fields.cast = details.cast.slice(0, 20);
  if (details.keywords.length) fields.keywords = details.keywords.slice(0, 30);
  return fields;
}

/** Every enriched film's details, by movie id. */
export async function filmDetails(database: Database): Promise<Map<number, FilmDetails>> {
  const rows = await database.db.select().from(filmMetadata);
  return new Map(rows.map((row) => [row.movieId, row]));
}

export function catalogOf(
  seed: Pick<SeedData, 'movies' | 'tags'>,
  table: RatingTable,
  createdAt: string,
  details: ReadonlyMap<number, FilmDetails> = new Map(),
): Catalog {
  const stats = new Map<number, { n: number; sum: number; histogram: number[] }>();
  for (let r = 0; r < table.length; r++) {
    const s = stats.get(table.movieIds[r]!) ?? { n: 0, sum: 0, histogram: new Array(10).fill(0) };
    const rating = table.ratings[r]!;
    s.n++;
    s.sum += rating;
    // Half stars 0.5 … 5 to buckets 0 … 9 (rounded first: contributions are validated to halves).
    s.histogram[Math.min(9, Math.max(0, Math.round(rating * 2) - 1))]++;
    stats.set(table.movieIds[r]!, s);
  }
  const tagCounts = new Map<number, Map<string, number>>();
  for (const { movieId, tag } of seed.tags) {
    const counts = tagCounts.get(movieId) ?? new Map<string, number>();
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
    tagCounts.set(movieId, counts);
  }
  return {
    formatVersion: CATALOG_FORMAT_VERSION,
    createdAt,
    movies: seed.movies.map((movie) => {
      const s = stats.get(movie.id);
      const tags = [...(tagCounts.get(movie.id) ?? new Map<string, number>())].sort(
        (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
      );
      return {
        ...movie,
        tags: tags.slice(0, 20).map(([t]) => t),
        ratingCount: s?.n ?? 0,
        meanRating: s ? Math.round((s.sum / s.n) * 100) / 100 : null,
        ratingHistogram: s?.histogram ?? new Array<number>(10).fill(0),
        ...detailsFields(details.get(movie.id)),
      };
    }),
  };
}

export interface PublishOptions {
  /** A film enters the collaborative part only with this many distinct raters (seed users count). */
  minRaters: number;
  /** Threads to train on (TRAIN_THREADS); every core when unset. */
  threads?: number;
  onProgress?: (message: string) => void;
}

/** A trained catalog and model, not yet published. */
export interface BuiltArtifacts {
  /** gzip JSON. */
  catalog: Uint8Array;
  model: Uint8Array;
}

/**
 * Trains on MovieLens plus contributions: CPU only, no database (it also runs in a worker). The
 * training runs on a pool of threads; this thread only steps it from job to job.
 */
export async function buildArtifacts(
  seed: SeedData,
  input: TrainingInput,
  options: PublishOptions,
): Promise<BuiltArtifacts> {
  const say = options.onProgress ?? (() => {});
  const createdAt = new Date().toISOString();
  const { table, contributors } = pooledRatings(
    seed.ratings,
    input.contributions,
    new Set(seed.movies.map((m) => m.id)),
  );
  const collaborative = filmsWithRaters(table, options.minRaters);
  say(
    `Training on ${collaborative.length} ratings (${seed.source} + ${contributors} contributors); films with fewer than ${options.minRaters} raters come from their content.`,
  );
  const byId = new Map(seed.movies.map((m) => [m.id, m]));
  const tagsById = new Map<number, string[]>();
  for (const { movieId, tag } of seed.tags) {
    const tags = tagsById.get(movieId);
    if (tags) tags.push(tag);
    else tagsById.set(movieId, [tag]);
  }
  const { details } = input;
  const docOf = (id: number): ContentDocument => ({
    genres: byId.get(id)?.genres ?? [],
    tags: tagsById.get(id) ?? [],
    directors: details.get(id)?.directors ?? [],
    cast: details.get(id)?.cast ?? [],
    keywords: details.get(id)?.keywords ?? [],
  });
  // The ratings go straight into the pool's memory; the pool closes however training ends.
  const pool = startTrainPool({ threads: options.threads, threadFile: trainThread });
  let trained: Snapshot;
  try {
    const train = buildInteractions(
      collaborative,
      createIdIndex(collaborative.userIds),
      createIdIndex(collaborative.movieIds),
      pool.arena,
    );
    say(`Training on ${pool.threads} thread${pool.threads === 1 ? '' : 's'}.`);
    trained = await trainSharedModelOnPool(
      pool,
      train,
      {
        implicit: IMPLICIT_DEFAULTS,
        stars: STAR_DEFAULTS,
        content: { ...CONTENT_DEFAULTS, blend: 0 },
      },
      Array.from(train.items.ids, docOf),
      `${seed.source} + ${contributors} contributors`,
      { onProgress: say },
    );
  } finally {
    await pool.close();
  }
  say(`Trained in ${(trained.training.trainMs / 1000).toFixed(1)} s.`);
  // Every other film of the catalog is placed by its content (fᵀW): on ml-latest-small this wins
  // back two thirds of the NDCG@10 that leaving them out costs (docs/evaluation.md).
  const snapshot = withContentOnlyFilms(
    trained,
    seed.movies.map((movie) => ({ movieId: movie.id, doc: docOf(movie.id) })),
  );
  say(
    `${trained.movieIds.length} films from ratings, ${snapshot.movieIds.length - trained.movieIds.length} from their content alone.`,
  );
  if (details.size > 0) say(`The catalog carries TMDB details for ${details.size} films.`);
  return {
    // Stored and served gzipped, as application/gzip: the device checks the sha256 of exactly the
    // bytes it downloaded, then unpacks them.
    catalog: gzipSync(JSON.stringify(catalogOf(seed, table, createdAt, details))),
    model: encodeSnapshot(snapshot, 'float16'),
  };
}

/**
 * Stores a catalog and model as new versions and makes them "latest" in one transaction. If
 * anything fails, nothing is switched and the previous versions stay "latest".
 */
export async function publishArtifacts(
  database: Database,
  built: BuiltArtifacts,
): Promise<Manifest> {
  const published = {
    catalog: await store(database, 'catalog', built.catalog, 'application/gzip'),
    model: await store(database, 'model', built.model, 'application/octet-stream'),
  };
  await database.transaction(async (tx) => {
    for (const [kind, version] of Object.entries(published)) {
      await tx.update(artifacts).set({ isCurrent: false }).where(eq(artifacts.kind, kind));
      await tx
        .update(artifacts)
        .set({ isCurrent: true })
        .where(and(eq(artifacts.kind, kind), eq(artifacts.version, version)));
    }
  });
  const manifest = await latestManifest(database);
  if (!manifest) throw new Error('Publishing finished but no manifest could be read back.');
  return manifest;
}

/** Trains on MovieLens plus contributions and publishes, in this process. */
export async function trainAndPublish(
  database: Database,
  seed: SeedData,
  options: PublishOptions,
): Promise<Manifest> {
  return publishArtifacts(
    database,
    await buildArtifacts(seed, await trainingInput(database), options),
  );
}

/** Stores an artifact under its content hash (idempotent) and returns its version. */
async function store(
  database: Database,
  kind: ArtifactKind,
  bytes: Uint8Array,
  contentType: string,
): Promise<string> {
  const sha256 = sha256Hex(bytes);
  const version = sha256.slice(0, 16);
  await database.db
    .insert(artifacts)
    .values({ kind, version, sha256, contentType, bytes })
    .onConflictDoNothing();
  return version;
}

/** The current catalog and model, or null before the first training. */
export async function latestManifest(database: Database): Promise<Manifest | null> {
  const rows = await database.db
    .select({
      kind: artifacts.kind,
      version: artifacts.version,
      sha256: artifacts.sha256,
      size: sql<number>`octet_length(${artifacts.bytes})`,
    })
    .from(artifacts)
    .where(eq(artifacts.isCurrent, true));
  const info = (kind: ArtifactKind) => {
    const row = rows.find((r) => r.kind === kind);
    return (
      row && {
        version: row.version,
        sha256: row.sha256,
        bytes: Number(row.size),
        url: `/api/artifacts/${kind}/${row.version}`,
      }
    );
  };
  const catalog = info('catalog');
  const model = info('model');
  return catalog && model ? { catalog, model } : null;
}

export async function readArtifact(database: Database, kind: string, version: string) {
  const [row] = await database.db
    .select()
    .from(artifacts)
    .where(and(eq(artifacts.kind, kind), eq(artifacts.version, version)));
  return row ?? null;
}
