// @filmfold/model/personal: the personal model (tfjs) and the device recommender. Kept apart from
// the package's main entry so that pages that only need schemas never load tfjs.
export * from './device';
export * from './personal-model';
export * from './personal-specs';
