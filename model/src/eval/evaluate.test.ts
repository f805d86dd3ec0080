import { describe, expect, it } from 'vitest';
import { tableOf } from '../data/table-fixture';
import { biasBaseline, globalMean, popularity } from '../recommender/baselines';
import { evaluate } from './evaluate';

// Five users; each user's last rating (by time) is the test rating (n < 10 -> 1 test).
// Training counts: movies 1 and 2 tie at 4 ratings, then movie 4 (2) and movie 3 (1).
const table = tableOf([
  [1, 1, 4, 1],
  [1, 2, 4, 2],
  [1, 3, 4, 3],
  [1, 5, 5, 4], // test: movie 5, relevant
  [2, 1, 4, 1],
  [2, 2, 4, 2],
  [2, 4, 2, 3],
  [2, 3, 4.5, 4], // test: movie 3, relevant
  [3, 1, 3, 1],
  [3, 2, 3, 2],
  [3, 6, 2, 3], // test: movie 6, not relevant
  [4, 1, 5, 1],
  [4, 7, 4, 2], // test: movie 7, never trained
  [5, 2, 1, 1],
  [5, 4, 3, 2],
  [5, 1, 4, 3], // test: movie 1, relevant
]);

describe('evaluate (task B) on a hand-made table', () => {
  const report = evaluate(table, [popularity, globalMean, biasBaseline]);

  it('counts users, candidates and the split as EVAL.md defines them', () => {
    expect(report.ranking.trainSize).toBe(11);
    expect(report.ranking.testSize).toBe(5);
    // User 3's only test rating is 2 stars: not evaluated.
    expect(report.ranking.usersEvaluated).toBe(4);
    // Trained items: 1, 2, 3, 4 (5, 6 and 7 appear in test only).
    expect(report.ranking.candidateItems).toBe(4);
  });

  it('scores popularity by hand', () => {
    const row = report.ranking.rows.find((r) => r.model === 'popularity')!;
    // Training counts: movie 1: 4, movie 2: 4, movie 3: 1, movie 4: 2.
    // User 1 (rated 1,2,3) gets [4]; wants 5 (untrained): miss.
    // User 2 (rated 1,2,4) gets [3]; wants 3: hit at rank 1.
    // User 4 (rated 1) gets [2, 4, 3]; wants 7 (untrained): miss.
    // User 5 (rated 2,4) gets [1, 3]; wants 1: hit at rank 1.
    expect(row.metrics['NDCG@10']).toBeCloseTo(2 / 4, 12);
    expect(row.metrics['Recall@20']).toBeCloseTo(2 / 4, 12);
    expect(row.metrics['HR@10']).toBeCloseTo(2 / 4, 12);
    // Distinct items shown: 4, 3, 2, 1 of 4 candidates.
    expect(row.metrics['Coverage@10']).toBe(1);
  });

  it('runs only the tasks a model supports', () => {
    expect(report.rating.rows.map((r) => r.model)).toEqual(['global-mean', 'user-item-bias']);
    expect(report.ranking.rows.map((r) => r.model)).toEqual(['popularity', 'user-item-bias']);
  });

  it('keeps unknown users and items in task A and clips predictions', () => {
    const mean = report.rating.rows.find((r) => r.model === 'global-mean')!;
    expect(report.rating.trainSize + report.rating.testSize).toBe(table.length);
    expect(mean.metrics.RMSE).toBeGreaterThan(0);
    expect(Number.isFinite(mean.metrics.MAE)).toBe(true);
  });
});
