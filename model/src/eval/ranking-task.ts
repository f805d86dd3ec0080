// Runs in browser, worker and Node.
// Task B of ../shared/EVAL.md: top-N recommendation from each user's latest ratings.
import { buildInteractions, type Interactions } from '../data/interactions';
import type { IdIndex } from '../data/id-index';
import type { RatingTable } from '../data/rating-table';
import type { ModelSpec, Recommender } from '../recommender/recommender';
import { topK } from '../recommender/top-k';
import { nowMs } from '../clock';
import { hitAtK, ndcgAtK, recallAtK } from './metrics';
import { lastRatingsSplit } from './splits';
import { contentFor } from './content-context';
import { type ChosenParams, type FitData, fitTuned } from './tune';
import { type EvalOptions, type EvalRow, median, type RankingMetrics } from './types';

/** A test rating is relevant at 4 stars or more. */
export const RELEVANT_FROM = 4;

export interface RankingTaskReport {
  trainSize: number;
  testSize: number;
  /** Users with at least one relevant test item. */
  usersEvaluated: number;
  /** Items with at least one training rating. */
  candidateItems: number;
  rows: EvalRow<RankingMetrics>[];
}

/** Each user's relevant test items (dense indices), only for users that have any. */
export function relevantItems(
  test: RatingTable,
  users: IdIndex,
  items: IdIndex,
): Map<number, Set<number>> {
  const relevant = new Map<number, Set<number>>();
  for (let row = 0; row < test.length; row++) {
    if (test.ratings[row]! < RELEVANT_FROM) continue;
    const u = users.indexOf(test.userIds[row]!);
    let set = relevant.get(u);
    if (!set) relevant.set(u, (set = new Set()));
    set.add(items.indexOf(test.movieIds[row]!));
  }
  return relevant;
}

/** The items with at least one training rating: EVAL.md's candidates before a user's own are removed. */
export function ratedItems(train: Interactions): { mask: Uint8Array; count: number } {
  const mask = new Uint8Array(train.numItems);
  let count = 0;
  for (let i = 0; i < train.numItems; i++) {
    if (train.itemCounts[i]! > 0) {
      mask[i] = 1;
      count++;
    }
  }
  return { mask, count };
}

interface RankingScore {
  metrics: RankingMetrics;
  /** Time to score all items and pick the top list, per evaluated user. */
  userTimes: number[];
}

/** NDCG@10, Recall@20, HR@10 and Coverage@10 of a fitted model, averaged over evaluated users. */
export function scoreRanking(
  model: Recommender,
  train: Interactions,
  relevant: Map<number, Set<number>>,
  now: () => number = nowMs,
): RankingScore {
  const scoreAll = model.scoreAll;
  if (!scoreAll) throw new TypeError('This model does not rank items.');
  const { mask: baseCandidates, count: candidateCount } = ratedItems(train);
  const scores = new Float32Array(train.numItems);
  const candidates = new Uint8Array(train.numItems);
  const shown = new Set<number>();
  const userTimes: number[] = [];
  let ndcg = 0;
  let recall = 0;
  let hits = 0;
  const evaluated = [...relevant.keys()].sort((a, b) => a - b);
  for (const user of evaluated) {
    const wanted = relevant.get(user)!;
    candidates.set(baseCandidates);
    for (let k = train.byUser.ptr[user]!; k < train.byUser.ptr[user + 1]!; k++) {
      candidates[train.byUser.cols[k]!] = 0;
    }
    const started = now();
    scoreAll.call(model, user, scores);
    const top = topK(scores, 20, candidates);
    userTimes.push(now() - started);
    ndcg += ndcgAtK(top, wanted, 10);
    recall += recallAtK(top, wanted, 20);
    hits += hitAtK(top, wanted, 10);
    for (let r = 0; r < Math.min(10, top.length); r++) shown.add(top[r]!);
  }
  const n = evaluated.length;
  return {
    metrics: {
      'NDCG@10': n ? ndcg / n : 0,
      'Recall@20': n ? recall / n : 0,
      'HR@10': n ? hits / n : 0,
      'Coverage@10': candidateCount ? shown.size / candidateCount : 0,
    },
    userTimes,
  };
}

/** Runs task B for every spec that ranks: tune on validation, fit on train, score test. */
export function runRankingTask(
  table: RatingTable,
  users: IdIndex,
  items: IdIndex,
  specs: readonly ModelSpec[],
  options: EvalOptions = {},
): RankingTaskReport {
  const now = options.now ?? nowMs;
  const { train, test } = lastRatingsSplit(table);
  const validation = lastRatingsSplit(train);
  const fitData = (part: RatingTable): FitData => ({
    train: buildInteractions(part, users, items),
    context: options.content ? { content: contentFor(items, options.content, table, part) } : {},
  });
  const full = fitData(train);
  const validationData = fitData(validation.train);
  const relevant = relevantItems(test, users, items);
  const validationRelevant = relevantItems(validation.test, users, items);
  const chosen: ChosenParams = new Map();

  const rows: EvalRow<RankingMetrics>[] = [];
  for (const spec of specs) {
    if (!spec.tasks.includes('rank')) continue;
    const { model, params, fitMs } = fitTuned(
      spec,
      chosen,
      validationData,
      full,
      (candidate) =>
        scoreRanking(candidate, validationData.train, validationRelevant, now).metrics['NDCG@10'],
      'maximise',
      now,
    );
    const { metrics, userTimes } = scoreRanking(model, full.train, relevant, now);
    const row: EvalRow<RankingMetrics> = {
      model: spec.name,
      task: 'B',
      params,
      metrics,
      fitMs,
      scoreMs: median(userTimes),
    };
    rows.push(row);
    options.onRow?.(row);
  }
  return {
    trainSize: train.length,
    testSize: test.length,
    usersEvaluated: relevant.size,
    candidateItems: ratedItems(full.train).count,
    rows,
  };
}
