// @filmfold/datasets: runs in Node.
export * from './errors';
export * from './movielens/archives';
export * from './movielens/dataset-files';
export * from './movielens/fetch-archive';
export * from './movielens/load';
export * from './movielens/open-movielens';
export * from './movielens/title';
export * from './progress';
export * from './synthetic';
export * from './content/film-metadata';
