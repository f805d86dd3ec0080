// @filmfold/model: runs in browser, worker and Node.
export * from './schemas/index';
export * from './data/rating-table';
export * from './data/id-index';
export * from './data/interactions';
export * from './recommender/recommender';
export * from './recommender/top-k';
export * from './recommender/baselines';
export * from './eval/fnv1a';
export * from './eval/metrics';
export * from './eval/splits';
export * from './eval/types';
export * from './eval/rating-task';
export * from './eval/ranking-task';
export * from './eval/evaluate';
export { nowMs } from './clock';
