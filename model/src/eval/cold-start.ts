// Runs in browser, worker and Node.
// Filmfold's cold-start check (not part of ../shared/EVAL.md): how well films that nobody has
// rated yet are ranked from their content alone. Uses task B's split; a tenth of the trained films
// (by hash of the movieId) lose every training rating and their tags, as a new release would.
import { createIdIndex } from '../data/id-index';
import { buildInteractions } from '../data/interactions';
import { type RatingTable, selectRows } from '../data/rating-table';
import {
  type ContentDocument,
  embedContent,
  featuresOf,
  fitContentMap,
} from '../recommender/content-map';
import { CONTENT_DEFAULTS, IMPLICIT_DEFAULTS } from '../recommender/filmfold';
import { foldIn, prepareItemSpace, scoreAllItems, userRatingsOf } from '../recommender/fold-in';
import { trainImplicit } from '../recommender/implicit-als';
import { topK } from '../recommender/top-k';
import { mulberry32 } from '../random';
import { contentFor, type EvalContent } from './content-context';
import { fnv1a32 } from './fnv1a';
import { hitAtK, ndcgAtK } from './metrics';
import { relevantItems } from './ranking-task';
import { lastRatingsSplit } from './splits';

export interface ColdStartRow {
  features: string;
  'NDCG@10': number;
  'HR@10': number;
}

export interface ColdStartReport {
  coldFilms: number;
  usersEvaluated: number;
  rows: ColdStartRow[];
}

type Fields = Partial<Record<'genres' | 'directors' | 'cast' | 'keywords', boolean>>;

/** Ranks the cold films for every test user who liked one of them, with each feature set. */
export function evaluateColdStart(
  table: RatingTable,
  content: EvalContent,
  variants: { name: string; fields: Fields }[],
): ColdStartReport {
  const users = createIdIndex(table.userIds);
  const items = createIdIndex(table.movieIds);
  const { train, test } = lastRatingsSplit(table);
  const trained = new Set(Array.from(train.movieIds));
  const isCold = (movieId: number) => trained.has(movieId) && fnv1a32(`cold:${movieId}`) % 10 === 0;
  const warmTrain = selectRows(train, (row) => !isCold(train.movieIds[row]!));
  const interactions = buildInteractions(warmTrain, users, items);
  const factors = trainImplicit(interactions, IMPLICIT_DEFAULTS);
  const docs = contentFor(items, content, table, warmTrain);
  const cold = Uint8Array.from(items.ids, (id) => (isCold(id) ? 1 : 0));
  const relevant = new Map(
    [...relevantItems(test, users, items)]
      .map(([u, set]) => [u, new Set([...set].filter((i) => cold[i] === 1))] as const)
      .filter(([, set]) => set.size > 0),
  );

  const rows: ColdStartRow[] = [];
  for (const { name, fields } of variants) {
    const keep = (doc: ContentDocument, isColdFilm: boolean): ContentDocument => ({
      genres: fields.genres ? doc.genres : [],
      directors: fields.directors ? doc.directors : [],
      cast: fields.cast ? doc.cast : [],
      keywords: fields.keywords ? doc.keywords : [],
      tags: isColdFilm ? [] : doc.tags, // a new film has no community tags yet
    });
    const variantDocs = docs.map((doc, i) => keep(doc, cold[i] === 1));
    const map = fitContentMap(
      variantDocs,
      factors.itemFactors,
      interactions.itemCounts,
      factors.k,
      CONTENT_DEFAULTS,
    );
    const index = new Map(map.vocabulary.map((term, i) => [term, i]));
    const vectors = Float32Array.from(factors.itemFactors);
    const predicted = new Float32Array(factors.k);
    for (let i = 0; i < items.size; i++) {
      if (!cold[i]) continue;
      embedContent(featuresOf(variantDocs[i]!, map.vocabulary, map.idf, index), map, predicted);
      vectors.set(predicted, i * factors.k);
    }
    rows.push(scoreCold(name, vectors, factors.k, interactions, relevant, cold));
  }
  rows.push(randomBaseline(relevant, cold));
  return { coldFilms: cold.reduce((s, v) => s + v, 0), usersEvaluated: relevant.size, rows };
}

function scoreCold(
  name: string,
  vectors: Float32Array,
  k: number,
  train: ReturnType<typeof buildInteractions>,
  relevant: Map<number, Set<number>>,
  cold: Uint8Array,
): ColdStartRow {
  const space = prepareItemSpace(vectors, k, IMPLICIT_DEFAULTS);
  const scores = new Float32Array(space.numItems);
  let ndcg = 0;
  let hits = 0;
  for (const [user, wanted] of relevant) {
    const folded = foldIn(space, userRatingsOf(train, user));
    const top = topK(scoreAllItems(space, folded.vector, scores), 10, cold);
    ndcg += ndcgAtK(top, wanted, 10);
    hits += hitAtK(top, wanted, 10);
  }
  return { features: name, 'NDCG@10': ndcg / relevant.size, 'HR@10': hits / relevant.size };
}

/** The same metrics for a random order of the cold films (mean of 20 shuffles). */
function randomBaseline(relevant: Map<number, Set<number>>, cold: Uint8Array): ColdStartRow {
  const random = mulberry32(11);
  let ndcg = 0;
  let hits = 0;
  const shuffles = 20;
  for (let s = 0; s < shuffles; s++) {
    const scores = Float32Array.from(cold, () => random());
    const top = topK(scores, 10, cold);
    for (const wanted of relevant.values()) {
      ndcg += ndcgAtK(top, wanted, 10);
      hits += hitAtK(top, wanted, 10);
    }
  }
  const n = relevant.size * shuffles;
  return { features: 'random order', 'NDCG@10': ndcg / n, 'HR@10': hits / n };
}
