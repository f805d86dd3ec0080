// Runs in the device worker. The person's recommender: loads the model snapshot and the
// catalog's columns from IndexedDB, folds in their ratings, trains on their feedback (tfjs),
// scores, filters, explains, and answers Ask over the catalog's films (catalog-films.ts).
import {
  decodeSnapshot,
  type DeviceModel,
  diversify,
  foldInStars,
  predictedStars,
  prepareDeviceModel,
  principalComponents,
  SnapshotError,
} from '@filmfold/model';
import {
  AskCatalog,
  type AskAnswer,
  type AskContext,
  type AskerState,
  answerRequest,
  parseRequest,
  type Understood,
  rowScorer,
} from '@filmfold/model/ask';
import {
  becauseOf,
  buildPersonModel,
  type Carrier,
  carriedBy,
  hasTrainingFeedback,
  itemFacts,
  itemSimilarityTo,
  type ItemFacts,
  type PersonModel,
  pickRecommendations,
  similarFilms,
} from '@filmfold/model/device';
import { factsOf, genresAndCounts } from '$lib/catalog/catalog-columns';
import { sha256Hex } from '$lib/catalog/sha256';
import { getSetting } from '$lib/db/settings';
import { communityGenreCounts } from '$lib/taste/stats';
import { catalogFilms } from './catalog-films';
import { perVersion } from './per-version';
import { db } from './worker-db';

/** Where no snapshot is installed yet: the page shows the first-run download instead. */
export class NoModelError extends Error {
  override name = 'NoModelError';
}

interface Loaded {
  version: string;
  model: DeviceModel;
  facts: ItemFacts;
  genresOf: string[][];
  years: (number | null)[];
  /** The catalog as Ask looks things up in it, built on the first request. */
  askCatalog: AskCatalog | null;
  /** Everyone's ratings per genre over the whole catalog (communityGenreCounts). */
  genreCounts: Map<string, number>;
}

const loaded = perVersion<Loaded>();
let person: { signature: string; model: PersonModel } | null = null;

/** The snapshot and catalog as stored, decoded once per version, however many ask at once. */
async function current(): Promise<Loaded> {
  const [modelRow, catalogRow] = await db.snapshots.bulkGet(['model', 'catalog']);
  if (!modelRow || !catalogRow) throw new NoModelError('No model is installed on this device yet.');
  return loaded(`${modelRow.version}/${catalogRow.version}`, load);
}

async function load(): Promise<Loaded> {
  // Rows and bytes in one transaction: an install in between cannot pair one's version with the
  // other's bytes.
  const [rows, data] = await db.transaction('r', db.snapshots, db.snapshotData, () =>
    Promise.all([
      db.snapshots.bulkGet(['model', 'catalog']),
      db.snapshotData.bulkGet(['model', 'catalog-columns', 'model-gramian']),
    ]),
  );
  const [modelRow, catalogRow] = rows;
  const [model, catalog, gramian] = data;
  if (!modelRow || !catalogRow || model?.kind !== 'model' || catalog?.kind !== 'catalog-columns')
    throw new NoModelError('No model is installed on this device yet.');
  const version = `${modelRow.version}/${catalogRow.version}`;
  const sha256 = modelRow.sha256;
  // The stored bytes are the ones verified at download; checked again natively, in case the
  // storage damaged them. Damaged, they are forgotten, so that the next start downloads them.
  if ((await sha256Hex(model.bytes)) !== sha256) {
    await db.snapshots.delete('model');
    throw new SnapshotError(
      'The model stored on this device is damaged; it is downloaded again when you are online.',
    );
  }
  const decoded = decodeSnapshot(model.bytes, { isDigestChecked: true });
  const kept = gramian?.kind === 'model-gramian' && gramian.sha256 === sha256 ? gramian : null;
  const prepared = prepareDeviceModel(decoded, kept?.gramian);
  // Kept for the next start: summing it over every film is the slowest step of loading.
  if (!kept)
    db.snapshotData
      .put({ kind: 'model-gramian', sha256, gramian: prepared.space.gram })
      .catch((err: unknown) => console.warn('Keeping the model’s Gramian failed:', err));
  const films = factsOf(catalog.columns, prepared.snapshot.movieIds);
  const state: Loaded = {
    version,
    model: prepared,
    facts: itemFacts(films, Float32Array.from(prepared.snapshot.itemCounts)),
    genresOf: films.map((film) => film.genres),
    years: films.map((film) => film.year),
    askCatalog: null,
    genreCounts: communityGenreCounts(genresAndCounts(catalog.columns)),
  };
  person = null;
  return state;
}

/** Ask's catalog: every stored film, with its credits, tags and runtime (the films Browse uses). */
async function askCatalogOf(state: Loaded): Promise<AskCatalog> {
  const catalog = await catalogFilms(db);
  if (!catalog) throw new NoModelError('No catalog is installed on this device yet.');
  state.askCatalog ??= new AskCatalog(catalog.films);
  return state.askCatalog;
}

export interface AskResult extends AskAnswer {
  /** The stars we expect the person would give each film, by movie id. */
  stars: Record<number, number | null>;
}

/** The person's model and data as Ask's answer needs them. */
async function asker(state: Loaded, trending: readonly number[] | null) {
  const me = await personModel(state);
  const { model, facts } = state;
  const scorer = rowScorer(model, {
    personal: (item) => me.scores[item]!,
    similarityTo: (item) => itemSimilarityTo(model, facts, item),
    because: (item) => becauseOf(model, me, item, 1)[0],
  });
  const [viewings, feedback, watchlist] = await Promise.all([
    db.viewings.toArray(),
    db.feedback.toArray(),
    db.watchlist.toCollection().primaryKeys(),
  ]);
  const excluded = new Set<number>();
  me.excluded.forEach((isOut, i) => {
    if (isOut) excluded.add(model.snapshot.movieIds[i]!);
  });
  const asking: AskerState = {
    seen: new Set([
      ...Array.from(me.history.items, (i) => model.snapshot.movieIds[i]!),
      ...viewings.map((v) => v.movieId),
      ...feedback.filter((f) => f.kind === 'already-seen').map((f) => f.movieId),
    ]),
    excluded,
    watchlist: new Set(watchlist as number[]),
    ...(trending ? { trending } : {}),
  };
  const stars = model.snapshot.stars ? foldInStars(model, me.history) : null;
  const starsOf = (answer: AskAnswer): AskResult => ({
    ...answer,
    stars: Object.fromEntries(
      answer.films.map((f) => {
        const item = model.indexOf(f.movieId);
        return [f.movieId, stars && item >= 0 ? predictedStars(model, stars, item) : null];
      }),
    ),
  });
  return { scorer, person: asking, starsOf };
}

/** The person's model, rebuilt only when their ratings or feedback changed. */
async function personModel(state: Loaded): Promise<PersonModel> {
  const [ratings, feedback] = await Promise.all([db.ratings.toArray(), db.feedback.toArray()]);
  const signature = JSON.stringify([
    state.version,
    ratings.map((r) => [r.movieId, r.rating]),
    feedback.map((f) => [f.movieId, f.kind]),
  ]);
  if (person?.signature === signature) return person.model;
  // tfjs loads only once there is feedback to learn from.
  const train = hasTrainingFeedback({ feedback })
    ? (await import('@filmfold/model/training')).trainPersonalWeights
    : undefined;
  const model = buildPersonModel(state.model, state.facts, { ratings, feedback }, train);
  person = { signature, model };
  return model;
}

export interface ForYouRequest {
  count: number;
  /** 0 focused … 1 adventurous. */
  diversity: number;
  genre: string | null;
  /** First year of a decade, e.g. 1990. */
  decade: number | null;
  isWatchlistOnly: boolean;
}

export interface ForYouItem {
  movieId: number;
  predictedStars: number | null;
  because: number[];
}

export interface ForYouResult {
  items: ForYouItem[];
  /** Whether feedback has trained the person's weights. */
  isTrained: boolean;
  ratingCount: number;
}

export interface MapPoint {
  movieId: number;
  x: number;
  y: number;
  /** The person's stars for rated films. */
  rating: number | null;
  kind: 'rated' | 'recommended' | 'other';
}

let mapOf: { version: string; coordinates: Float32Array } | null = null;

export const recommenderApi = {
  /** Loads the installed model now, so that the first request finds it ready. */
  async prepareModel(): Promise<boolean> {
    try {
      await current();
      return true;
    } catch (err) {
      if (err instanceof NoModelError) return false;
      throw err;
    }
  },

  /** Everyone's ratings per genre over the whole catalog, for the taste page and the report. */
  async genreCounts(): Promise<Map<string, number>> {
    return (await current()).genreCounts;
  },

  async forYou(request: ForYouRequest): Promise<ForYouResult> {
    const state = await current();
    const me = await personModel(state);
    const watchlist = request.isWatchlistOnly
      ? new Set((await db.watchlist.toCollection().primaryKeys()) as number[])
      : null;
    const avoided = new Set((await getSetting(db, 'tastePreferences'))?.avoided ?? []);
    const allowed = Uint8Array.from(state.model.snapshot.movieIds, (movieId, i) => {
      const genres = state.genresOf[i]!;
      const year = state.years[i];
      if (request.genre && !genres.includes(request.genre)) return 0;
      if (!request.genre && genres.some((g) => avoided.has(g))) return 0;
      if (
        request.decade !== null &&
        (year == null || year < request.decade || year >= request.decade + 10)
      )
        return 0;
      if (watchlist && !watchlist.has(movieId)) return 0;
      return 1;
    });
    const picks = pickRecommendations(state.model, me, {
      count: request.count,
      allowed,
      diversity: request.diversity,
    });
    const stars = state.model.snapshot.stars ? foldInStars(state.model, me.history) : null;
    return {
      items: picks.map((pick) => ({
        movieId: pick.movieId,
        predictedStars: stars
          ? predictedStars(state.model, stars, state.model.indexOf(pick.movieId))
          : null,
        because: pick.because,
      })),
      isTrained: me.isTrained,
      ratingCount: me.history.items.length,
    };
  },

  /** The few rated films that carried `movieId`'s pick, with their shares, for "why?". */
  async why(movieId: number): Promise<Carrier[]> {
    const state = await current();
    const me = await personModel(state);
    const item = state.model.indexOf(movieId);
    if (item < 0) return [];
    return carriedBy(state.model, me, item);
  },

  /**
   * The taste map: every film of the item space projected to 2-D (PCA, once per snapshot), with
   * the person's rated films, their top recommendations and the best-known other films.
   */
  async tasteMap(recommended = 30, context = 400): Promise<MapPoint[]> {
    const state = await current();
    const me = await personModel(state);
    const { factors, numItems, k } = state.model.space;
    if (mapOf?.version !== state.version) {
      mapOf = {
        version: state.version,
        coordinates: principalComponents(factors, numItems, k, 2, state.model.space.gram),
      };
    }
    const coordinates = mapOf.coordinates;
    const point = (item: number, kind: MapPoint['kind'], rating: number | null): MapPoint => ({
      movieId: state.model.snapshot.movieIds[item]!,
      x: coordinates[item * 2]!,
      y: coordinates[item * 2 + 1]!,
      rating,
      kind,
    });
    const points: MapPoint[] = [];
    const shown = new Set<number>();
    me.history.items.forEach((item, e) => {
      points.push(point(item, 'rated', me.history.ratings[e]!));
      shown.add(item);
    });
    for (const pick of pickRecommendations(state.model, me, { count: recommended })) {
      const item = state.model.indexOf(pick.movieId);
      points.push(point(item, 'recommended', null));
      shown.add(item);
    }
    const popular = Array.from({ length: numItems }, (_, i) => i)
      .filter((i) => !shown.has(i))
      .sort((a, b) => state.model.snapshot.itemCounts[b]! - state.model.snapshot.itemCounts[a]!)
      .slice(0, context);
    for (const item of popular) points.push(point(item, 'other', null));
    return points;
  },

  /** Answers a request in words; `context` is the conversation so far, if any. */
  async ask(
    message: string,
    context: AskContext | null,
    trending: number[] | null,
  ): Promise<AskResult> {
    const state = await current();
    const catalog = await askCatalogOf(state);
    const understood = parseRequest(message, catalog, context ?? undefined);
    const { scorer, person, starsOf } = await asker(state, trending);
    return starsOf(answerRequest(understood, catalog, scorer, person));
  },

  /** Answers an understood request again, e.g. after a chip was removed. */
  async answer(understood: Understood, trending: number[] | null): Promise<AskResult> {
    const state = await current();
    const catalog = await askCatalogOf(state);
    const { scorer, person, starsOf } = await asker(state, trending);
    return starsOf(answerRequest(understood, catalog, scorer, person));
  },

  async moreLikeThis(movieId: number, count: number): Promise<number[]> {
    const state = await current();
    return similarFilms(state.model, state.facts, movieId, count);
  },

  /**
   * Films to ask a newcomer about: well known (many ratings), in genres they like and not in
   * those they avoid, spread across the item space so that no franchise fills the list.
   */
  async coldStartFilms(request: {
    liked: string[];
    avoided: string[];
    exclude: number[];
    count: number;
  }): Promise<number[]> {
    const state = await current();
    const exclude = new Set(request.exclude);
    const { itemCounts, movieIds } = state.model.snapshot;
    const scores = Float32Array.from(itemCounts, (count, i) => {
      const genres = state.genresOf[i]!;
      const likes = genres.filter((g) => request.liked.includes(g)).length;
      return Math.log1p(count) * (1 + 0.5 * Math.min(likes, 2));
    });
    const candidates = Uint8Array.from(movieIds, (movieId, i) =>
      exclude.has(movieId) || state.genresOf[i]!.some((g) => request.avoided.includes(g)) ? 0 : 1,
    );
    const picks = diversify(scores, state.model.space.factors, state.model.space.k, {
      count: request.count,
      diversity: 0.5,
      candidates,
    });
    return Array.from(picks, (i) => movieIds[i]!);
  },
};
