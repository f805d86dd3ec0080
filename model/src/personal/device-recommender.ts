// Runs in browser, worker and Node. What the device does to recommend: fold in the person's
// ratings, weigh the personal features, learn from their feedback, filter, diversify, explain.
import type { FeedbackKind } from '../schemas/feedback';
import { type DeviceModel, factorCosineTo } from '../recommender/device-model';
import { diversify } from '../recommender/diversify';
import { explainScore, foldIn, type FoldedUser } from '../recommender/fold-in';
import { topK } from '../recommender/top-k';
import {
  FEATURE_DEFAULTS,
  type History,
  type ItemFacts,
  personalFeatures,
  scoreWithWeights,
} from './features';
import type { trainPersonalWeights } from './personal-model';
import { TRAINING_DEFAULTS } from './training-params';

/** Prior weights chosen on ml-latest-small's validation split (docs/evaluation.md). */
export const PRIOR_WEIGHTS = Float32Array.from([1, 0.4, 0.8, 0, 0.3]);

export interface PersonData {
  ratings: readonly { movieId: number; rating: number; ratedAt: string }[];
  feedback: readonly { movieId: number; kind: FeedbackKind }[];
}

/** The person folded in and their weights: computed once per change of their data. */
export interface PersonModel {
  folded: FoldedUser;
  history: History;
  weights: Float32Array;
  /** Scores of every film in the item space. */
  scores: Float32Array;
  /** Films never to recommend: rated, hidden, already seen. */
  excluded: Uint8Array;
  /** Whether the weights were trained on feedback (false: the prior). */
  isTrained: boolean;
}

/** The person's ratings in the item space, oldest first; films the snapshot lacks are skipped. */
function historyOf(model: DeviceModel, data: PersonData): History {
  const known = data.ratings
    .map((r) => ({
      item: model.indexOf(r.movieId),
      rating: r.rating,
      time: Date.parse(r.ratedAt) / 1000,
    }))
    .filter((r) => r.item >= 0)
    .sort((a, b) => a.time - b.time || a.item - b.item);
  return {
    items: Int32Array.from(known, (r) => r.item),
    ratings: Float32Array.from(known, (r) => r.rating),
    times: Uint32Array.from(known, (r) => Math.max(0, Math.floor(r.time))),
  };
}

/** trainPersonalWeights (personal-model.ts), passed in so that tfjs loads only where it trains. */
export type WeightTrainer = typeof trainPersonalWeights;

/** Whether `data` holds feedback that trains the weights: then buildPersonModel needs a trainer. */
export const hasTrainingFeedback = (data: Pick<PersonData, 'feedback'>): boolean =>
  data.feedback.some(({ kind }) => kind === 'helpful' || kind === 'not-for-me');

/**
 * Builds the person's model. Feedback trains the weights at once (with `train`, required when
 * hasTrainingFeedback): films marked helpful (and the latest films they loved) should rank above
 * unrated films and above films marked "not for me".
 */
export function buildPersonModel(
  model: DeviceModel,
  facts: ItemFacts,
  data: PersonData,
  train?: WeightTrainer,
): PersonModel {
  const history = historyOf(model, data);
  const folded = foldIn(model.space, history);
  const features = personalFeatures(model.space, folded, history, facts, FEATURE_DEFAULTS);
  const excluded = new Uint8Array(model.space.numItems);
  for (const item of history.items) excluded[item] = 1;
  const helpful: number[] = [];
  const notForMe: number[] = [];
  for (const { movieId, kind } of data.feedback) {
    const item = model.indexOf(movieId);
    if (item < 0) continue;
    if (kind === 'helpful') helpful.push(item);
    if (kind === 'not-for-me') notForMe.push(item);
    if (kind !== 'helpful') excluded[item] = 1;
  }
  let weights: Float32Array = PRIOR_WEIGHTS.slice();
  const isTrained = helpful.length + notForMe.length > 0;
  if (isTrained) {
    if (!train) throw new RangeError('buildPersonModel: feedback to learn from needs a trainer.');
    const loved: number[] = [];
    for (let e = history.items.length - 1; e >= 0 && loved.length < 10; e--) {
      if (history.ratings[e]! >= 4) loved.push(history.items[e]!);
    }
    const unrated = Uint8Array.from(excluded, (x) => (x ? 0 : 1));
    for (const item of helpful) unrated[item] = 0;
    weights = train(
      features,
      [...helpful, ...loved],
      unrated,
      PRIOR_WEIGHTS,
      { ...TRAINING_DEFAULTS, pull: 0.3 },
      notForMe,
    );
  }
  const scores = new Float32Array(model.space.numItems);
  scoreWithWeights(features, weights, scores);
  // A film marked helpful stays where the model puts it; the ones rated stay out.
  return { folded, history, weights, scores, excluded, isTrained };
}

export interface Recommendation {
  movieId: number;
  score: number;
  /** Rated films that pulled this one up the most, strongest first. */
  because: number[];
}

export interface PickOptions {
  count: number;
  /** 1 for films that pass the person's filters; absent allows every film. */
  allowed?: Uint8Array;
  /** 0 ranks by score; up to 1 trades score for variety (MMR). */
  diversity?: number;
}

/** The top films for the person, explained by the rated films that contributed most. */
export function pickRecommendations(
  model: DeviceModel,
  person: PersonModel,
  options: PickOptions,
): Recommendation[] {
  const candidates = options.allowed
    ? Uint8Array.from(options.allowed)
    : new Uint8Array(model.space.numItems).fill(1);
  for (let i = 0; i < candidates.length; i++) if (person.excluded[i]) candidates[i] = 0;
  const diversity = options.diversity ?? 0;
  const items =
    diversity > 0
      ? diversify(person.scores, model.space.factors, model.space.k, {
          count: options.count,
          diversity,
          candidates,
        })
      : topK(person.scores, options.count, candidates);
  return Array.from(items, (item) => ({
    movieId: model.snapshot.movieIds[item]!,
    score: person.scores[item]!,
    because: becauseOf(model, person, item, 3),
  }));
}

/** The rated films that pushed `item` up, for "Because you liked …". */
export function becauseOf(
  model: DeviceModel,
  person: PersonModel,
  item: number,
  count: number,
): number[] {
  if (person.history.items.length === 0) return [];
  return explainScore(model.space, person.folded, item)
    .filter((part) => part.contribution > 0)
    .slice(0, count)
    .map((part) => model.snapshot.movieIds[part.item]!);
}

/** A rated film that carried a pick, and its share of everything that pulled the pick up. */
export interface Carrier {
  movieId: number;
  /** Of the positive pull on the pick's score, 0-1. */
  share: number;
}

/** Of the pull on a pick, the share that "why?" explains before it stops listing films. */
const EXPLAINED_SHARE = 0.8;

/**
 * The few rated films that really carried a pick, strongest first: at most `max`, and no more
 * once they explain 80% of the pull, so that "why?" names the reasons rather than every rating.
 */
export function carriedBy(
  model: DeviceModel,
  person: PersonModel,
  item: number,
  max = 5,
): Carrier[] {
  if (person.history.items.length === 0) return [];
  const parts = explainScore(model.space, person.folded, item).filter((p) => p.contribution > 0);
  const total = parts.reduce((sum, part) => sum + part.contribution, 0);
  const carriers: Carrier[] = [];
  let covered = 0;
  for (const part of parts) {
    if (carriers.length === max || covered >= EXPLAINED_SHARE * total) break;
    carriers.push({
      movieId: model.snapshot.movieIds[part.item]!,
      share: part.contribution / total,
    });
    covered += part.contribution;
  }
  return carriers;
}

/** Share of genres two films have in common (Jaccard). */
function genreOverlap(facts: ItemFacts, a: number, b: number): number {
  const ga = facts.genres[a] ?? new Int32Array(0);
  const gb = facts.genres[b] ?? new Int32Array(0);
  if (ga.length === 0 || gb.length === 0) return 0;
  let shared = 0;
  for (const g of ga) if (gb.includes(g)) shared++;
  return shared / (ga.length + gb.length - shared);
}

/** How much genre overlap counts beside factor similarity in "More like this". */
const GENRE_WEIGHT = 0.3;

/**
 * How alike item `a` is to each other item, as a function of the other (`a` read once): cosine
 * similarity of their item factors (what the same people liked) plus shared genres (what they are).
 */
export function itemSimilarityTo(
  model: DeviceModel,
  facts: ItemFacts,
  a: number,
): (b: number) => number {
  const cosine = factorCosineTo(model, a);
  return (b) => cosine(b) + GENRE_WEIGHT * genreOverlap(facts, a, b);
}

/** Films nearest to `movieId` by itemSimilarityTo, for "More like this". */
export function similarFilms(
  model: DeviceModel,
  facts: ItemFacts,
  movieId: number,
  count: number,
): number[] {
  const item = model.indexOf(movieId);
  if (item < 0) return [];
  const alike = itemSimilarityTo(model, facts, item);
  const scores = new Float32Array(model.space.numItems);
  for (let i = 0; i < scores.length; i++) scores[i] = alike(i);
  const candidates = new Uint8Array(model.space.numItems).fill(1);
  candidates[item] = 0;
  return Array.from(topK(scores, count, candidates), (i) => model.snapshot.movieIds[i]!);
}
