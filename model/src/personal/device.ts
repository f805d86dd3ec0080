// @filmfold/model/device: the device recommender without tfjs, for the browser's worker; the
// personal model's training (personal-model.ts, @filmfold/model/training) loads when feedback
// first asks for it.
export * from './features';
export * from './training-params';
export * from './device-recommender';
