// @filmfold/model/training: the personal model's training (tfjs), loaded by the device only when
// the person's feedback has something to learn.
export { trainPersonalWeights } from './personal-model';
