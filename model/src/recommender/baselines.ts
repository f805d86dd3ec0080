// Runs in browser, worker and Node.
import type { Interactions } from '../data/interactions';
import type { ModelSpec, Recommender } from './recommender';

/** Score = number of training ratings of the item: EVAL.md's cross-check baseline. */
export const popularity: ModelSpec<Record<string, never>> = {
  name: 'popularity',
  tasks: ['rank'],
  grid: [{}],
  create(): Recommender {
    let counts: Float32Array = new Float32Array(0);
    return {
      fit(train) {
        counts = train.itemCounts;
      },
      scoreAll(_user, out) {
        out.set(counts);
      },
    };
  },
};

/** Predicts the global mean rating for everyone. */
export const globalMean: ModelSpec<Record<string, never>> = {
  name: 'global-mean',
  tasks: ['predict'],
  grid: [{}],
  create(): Recommender {
    let mean = 0;
    return {
      fit(train) {
        mean = train.globalMean;
      },
      predict() {
        return mean;
      },
    };
  },
};

export interface BiasParams extends Record<string, number> {
  /** Shrinkage of item biases toward 0, in pseudo-ratings. */
  itemReg: number;
  /** Shrinkage of user biases toward 0, in pseudo-ratings. */
  userReg: number;
}

/** User and item biases around the global mean, learned in turn. */
export interface Biases {
  globalMean: number;
  user: Float32Array;
  item: Float32Array;
}

/**
 * Regularised biases: b_i = Σ(r - μ) / (λ_i + n_i), then b_u = Σ(r - μ - b_i) / (λ_u + n_u).
 * Koren 2010, "Factor in the neighbors", section 2.1.
 */
export function fitBiases(train: Interactions, params: BiasParams): Biases {
  const mu = train.globalMean;
  const item = new Float32Array(train.numItems);
  for (let i = 0; i < train.numItems; i++) {
    let sum = 0;
    for (let k = train.byItem.ptr[i]!; k < train.byItem.ptr[i + 1]!; k++)
      sum += train.byItem.values[k]! - mu;
    item[i] = sum / (params.itemReg + train.itemCounts[i]!);
  }
  const user = new Float32Array(train.numUsers);
  for (let u = 0; u < train.numUsers; u++) {
    const start = train.byUser.ptr[u]!;
    const end = train.byUser.ptr[u + 1]!;
    let sum = 0;
    for (let k = start; k < end; k++)
      sum += train.byUser.values[k]! - mu - item[train.byUser.cols[k]!]!;
    user[u] = sum / (params.userReg + end - start);
  }
  return { globalMean: mu, user, item };
}

/** A user + item bias model that predicts μ + b_u + b_i and ranks by b_i (b_u is constant per user). */
export function userItemBias(name: string, grid: readonly BiasParams[]): ModelSpec<BiasParams> {
  return {
    name,
    tasks: ['predict', 'rank'],
    grid,
    create(params): Recommender {
      let biases: Biases = { globalMean: 0, user: new Float32Array(0), item: new Float32Array(0) };
      return {
        fit(train) {
          biases = fitBiases(train, params);
        },
        predict(user, item) {
          return biases.globalMean + biases.user[user]! + biases.item[item]!;
        },
        scoreAll(user, out) {
          const base = biases.globalMean + biases.user[user]!;
          for (let i = 0; i < out.length; i++) out[i] = base + biases.item[i]!;
        },
      };
    },
  };
}

/** The bias baseline with λ = 10 for items and users, which reproduces EVAL.md's reference RMSE. */
export const biasBaseline = userItemBias('user-item-bias', [{ itemReg: 10, userReg: 10 }]);

/** The same model with both shrinkages chosen on the validation split. */
export const tunedBiasBaseline = userItemBias(
  'user-item-bias-tuned',
  [2, 5, 10, 25].flatMap((itemReg) => [2, 5, 10, 25].map((userReg) => ({ itemReg, userReg }))),
);
