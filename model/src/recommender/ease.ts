// Runs in browser, worker and Node.
// EASE: Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data", eq. 8:
// P = (XᵀX + λI)⁻¹, B = I − P·diag(1/diag(P)), scores = x_u B.
// When there are fewer users than items, P comes from the Woodbury identity,
// P = (I − Xᵀ(λI + XXᵀ)⁻¹X)/λ, so only a users x users matrix is inverted.
import type { Interactions } from '../data/interactions';
import { choleskyInPlace, choleskySolveInPlace } from '../linalg/cholesky';
import type { ModelSpec, Recommender } from './recommender';

export interface EaseParams extends Record<string, number> {
  lambda: number;
}

/** The largest side EASE will invert densely (its memory and time grow with the cube). */
export const EASE_MAX_DENSE_SIDE = 6000;

/** A fitted EASE model that can score any training user. */
export interface EaseScorer {
  scoreAll(user: number, out: Float32Array): void;
}

/** Inverse of a symmetric positive-definite n x n matrix, by Cholesky and n solves. */
function inverseSpd(m: Float64Array, n: number): Float64Array {
  if (!choleskyInPlace(m, n))
    throw new RangeError('EASE: the Gram matrix is not positive definite.');
  const inverse = new Float64Array(n * n);
  const column = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    column.fill(0);
    column[j] = 1;
    choleskySolveInPlace(m, n, column);
    for (let i = 0; i < n; i++) inverse[i * n + j] = column[i]!;
  }
  return inverse;
}

/** Woodbury path: needs only the users x users matrix Q = (λI + XXᵀ)⁻¹. */
export function fitWoodbury(train: Interactions, lambda: number): EaseScorer {
  const { numUsers: nu, numItems: ni, byUser, byItem } = train;
  const m = new Float64Array(nu * nu);
  for (let u = 0; u < nu; u++) m[u * nu + u] = lambda;
  for (let i = 0; i < ni; i++) {
    for (let a = byItem.ptr[i]!; a < byItem.ptr[i + 1]!; a++) {
      const row = byItem.cols[a]! * nu;
      for (let b = byItem.ptr[i]!; b < byItem.ptr[i + 1]!; b++)
        m[row + byItem.cols[b]!] = m[row + byItem.cols[b]!]! + 1;
    }
  }
  const q = inverseSpd(m, nu);
  // diag(P)_i = (1 − X_iᵀ Q X_i) / λ, with X_i the column of users who rated i.
  const diagP = new Float64Array(ni);
  for (let i = 0; i < ni; i++) {
    let quad = 0;
    for (let a = byItem.ptr[i]!; a < byItem.ptr[i + 1]!; a++) {
      const row = byItem.cols[a]! * nu;
      for (let b = byItem.ptr[i]!; b < byItem.ptr[i + 1]!; b++) quad += q[row + byItem.cols[b]!]!;
    }
    diagP[i] = (1 - quad) / lambda;
  }
  const overlap = new Float64Array(nu);
  const weights = new Float64Array(nu);
  const xp = new Float64Array(ni);
  return {
    scoreAll(user, out) {
      // t = X x_u (co-rated counts), w = Q t, x_u P = (x_u − wᵀX)/λ.
      overlap.fill(0);
      for (let e = byUser.ptr[user]!; e < byUser.ptr[user + 1]!; e++) {
        const i = byUser.cols[e]!;
        for (let a = byItem.ptr[i]!; a < byItem.ptr[i + 1]!; a++)
          overlap[byItem.cols[a]!] = overlap[byItem.cols[a]!]! + 1;
      }
      for (let v = 0; v < nu; v++) {
        let sum = 0;
        const row = v * nu;
        for (let w = 0; w < nu; w++) sum += q[row + w]! * overlap[w]!;
        weights[v] = sum;
      }
      xp.fill(0);
      for (let v = 0; v < nu; v++) {
        const wv = weights[v]!;
        for (let e = byUser.ptr[v]!; e < byUser.ptr[v + 1]!; e++)
          xp[byUser.cols[e]!] = xp[byUser.cols[e]!]! - wv;
      }
      for (let e = byUser.ptr[user]!; e < byUser.ptr[user + 1]!; e++)
        xp[byUser.cols[e]!] = xp[byUser.cols[e]!]! + 1;
      // s_j = x_uj − (x_u P)_j / P_jj; the user's own items get excluded by the caller anyway.
      for (let j = 0; j < ni; j++) out[j] = -(xp[j]! / lambda) / diagP[j]!;
      for (let e = byUser.ptr[user]!; e < byUser.ptr[user + 1]!; e++)
        out[byUser.cols[e]!] = out[byUser.cols[e]!]! + 1;
    },
  };
}

/** Direct path: B = I − P·diag(1/diag(P)) from the items x items Gram matrix. */
export function fitDirect(train: Interactions, lambda: number): EaseScorer {
  const { numItems: ni, byUser } = train;
  const g = new Float64Array(ni * ni);
  for (let i = 0; i < ni; i++) g[i * ni + i] = lambda;
  for (let u = 0; u < train.numUsers; u++) {
    for (let a = byUser.ptr[u]!; a < byUser.ptr[u + 1]!; a++) {
      const row = byUser.cols[a]! * ni;
      for (let b = byUser.ptr[u]!; b < byUser.ptr[u + 1]!; b++)
        g[row + byUser.cols[b]!] = g[row + byUser.cols[b]!]! + 1;
    }
  }
  const p = inverseSpd(g, ni);
  const b = new Float32Array(ni * ni);
  for (let i = 0; i < ni; i++) {
    for (let j = 0; j < ni; j++) b[i * ni + j] = i === j ? 0 : -p[i * ni + j]! / p[j * ni + j]!;
  }
  return {
    scoreAll(user, out) {
      out.fill(0);
      for (let e = byUser.ptr[user]!; e < byUser.ptr[user + 1]!; e++) {
        const row = byUser.cols[e]! * ni;
        for (let j = 0; j < ni; j++) out[j] = out[j]! + b[row + j]!;
      }
    },
  };
}

/** EASE as a comparison model for the evaluation (small sets only: it inverts a dense matrix). */
export const ease: ModelSpec<EaseParams> = {
  name: 'ease',
  tasks: ['rank'],
  grid: [100, 200, 400, 800, 1600].map((lambda) => ({ lambda })),
  create(params): Recommender {
    let scorer: EaseScorer | undefined;
    return {
      fit(train) {
        const side = Math.min(train.numUsers, train.numItems);
        if (side > EASE_MAX_DENSE_SIDE) {
          throw new RangeError(
            `EASE inverts a dense ${side} x ${side} matrix; this set (${train.numUsers} users, ${train.numItems} items) is too large.`,
          );
        }
        scorer =
          train.numUsers <= train.numItems
            ? fitWoodbury(train, params.lambda)
            : fitDirect(train, params.lambda);
      },
      scoreAll(user, out) {
        if (!scorer) throw new Error('EASE: fit before scoring.');
        scorer.scoreAll(user, out);
      },
    };
  },
};
