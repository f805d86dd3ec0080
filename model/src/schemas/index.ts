export * from './feedback';
export * from './ids';
export * from './movie';
export * from './parse-result';
export * from './rating';
export * from './tag';
export * from './viewing';
export * from './watchlist';
