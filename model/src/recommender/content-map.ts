// Runs in browser, worker and Node.
// Content features (TF-IDF over genres, tags, directors, cast, keywords) and a ridge-regression map
// from them to item factors, so that films with few or no ratings still get a vector: the
// regression-based latent factor idea of Agarwal, Chen 2009 ("Regression-based Latent Factor
// Models"), fitted after training rather than jointly.
import { cgWork, conjugateGradient } from '../linalg/conjugate-gradient';

/** What is known about a film besides its ratings. Every list may be empty. */
export interface ContentDocument {
  /** Release year, where known (the personal model's decade feature reads it). */
  year?: number | null;
  genres: readonly string[];
  /** Tags as applied, repeats included (a tag applied by many people weighs more). */
  tags: readonly string[];
  directors: readonly string[];
  cast: readonly string[];
  keywords: readonly string[];
}

/** The learned map and the vocabulary it reads: part of the snapshot. */
export interface ContentModel {
  vocabulary: string[];
  idf: Float32Array;
  k: number;
  /** Row-major vocabulary.length x k. */
  map: Float32Array;
}

export interface ContentParams {
  /** A feature must occur in this many films to enter the vocabulary. */
  minFilms: number;
  maxFeatures: number;
  /** Ridge penalty of the map. */
  ridge: number;
  /** Films need this many ratings for their factors to serve as regression targets. */
  minRatings: number;
}

/** A film's sparse feature vector: sorted feature indices and L2-normalised TF-IDF weights. */
export interface SparseFeatures {
  indices: Int32Array;
  values: Float32Array;
}

/** The raw terms of a document, each prefixed with its field ("genre:Drama", "cast:Al Pacino"). */
export function contentTerms(doc: ContentDocument): string[] {
  const norm = (s: string) => s.trim().toLowerCase();
  return [
    ...doc.genres.map((g) => `genre:${norm(g)}`),
    ...doc.tags.map((t) => `tag:${norm(t)}`),
    ...doc.directors.map((d) => `director:${norm(d)}`),
    ...doc.cast.map((c) => `cast:${norm(c)}`),
    ...doc.keywords.map((w) => `keyword:${norm(w)}`),
  ].filter((term) => !term.endsWith(':'));
}

/** Vocabulary and IDF over a corpus: terms in at least minFilms films, the most frequent first. */
export function buildVocabulary(
  docs: readonly ContentDocument[],
  params: ContentParams,
): { vocabulary: string[]; idf: Float32Array } {
  const df = new Map<string, number>();
  for (const doc of docs)
    for (const term of new Set(contentTerms(doc))) df.set(term, (df.get(term) ?? 0) + 1);
  const kept = [...df.entries()]
    .filter(([, count]) => count >= params.minFilms)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, params.maxFeatures);
  return {
    vocabulary: kept.map(([term]) => term),
    idf: Float32Array.from(kept, ([, count]) => Math.log((1 + docs.length) / (1 + count)) + 1),
  };
}

/** TF-IDF features of one document: tf = 1 + log(count), L2-normalised. */
export function featuresOf(
  doc: ContentDocument,
  vocabulary: readonly string[],
  idf: Float32Array,
  index?: Map<string, number>,
): SparseFeatures {
  const positions = index ?? new Map(vocabulary.map((term, i) => [term, i]));
  const counts = new Map<number, number>();
  for (const term of contentTerms(doc)) {
    const at = positions.get(term);
    if (at !== undefined) counts.set(at, (counts.get(at) ?? 0) + 1);
  }
  const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = Float32Array.from(indices, (i) => (1 + Math.log(counts.get(i)!)) * idf[i]!);
  const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0)) || 1;
  for (let i = 0; i < values.length; i++) values[i] = values[i]! / norm;
  return { indices, values };
}

/** A film's vector predicted from its content alone: fᵀW. */
export function embedContent(
  features: SparseFeatures,
  model: ContentModel,
  out = new Float32Array(model.k),
): Float32Array {
  out.fill(0);
  for (let n = 0; n < features.indices.length; n++) {
    const row = features.indices[n]! * model.k;
    const weight = features.values[n]!;
    for (let c = 0; c < model.k; c++) out[c] = out[c]! + weight * model.map[row + c]!;
  }
  return out;
}

/**
 * Fits W = argmin Σ_i |f_iᵀW − y_i|² + ridge·|W|² over films with enough ratings, by conjugate
 * gradient on the normal equations (FᵀF + ridge·I) W = FᵀY, all k columns at once.
 */
export function fitContentMap(
  docs: readonly ContentDocument[],
  itemFactors: Float32Array,
  itemCounts: ArrayLike<number>,
  k: number,
  params: ContentParams,
): ContentModel {
  const { vocabulary, idf } = buildVocabulary(docs, params);
  const d = vocabulary.length;
  const index = new Map(vocabulary.map((term, i) => [term, i]));
  const rows: { item: number; features: SparseFeatures }[] = [];
  docs.forEach((doc, item) => {
    if (itemCounts[item]! >= params.minRatings)
      rows.push({ item, features: featuresOf(doc, vocabulary, idf, index) });
  });
  const n = d * k;
  const rhs = new Float64Array(n);
  for (const { item, features } of rows) {
    for (let e = 0; e < features.indices.length; e++) {
      const at = features.indices[e]! * k;
      for (let c = 0; c < k; c++)
        rhs[at + c] = rhs[at + c]! + features.values[e]! * itemFactors[item * k + c]!;
    }
  }
  const projected = new Float64Array(k);
  const multiply = (v: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) out[i] = params.ridge * v[i]!;
    for (const { features } of rows) {
      projected.fill(0);
      for (let e = 0; e < features.indices.length; e++) {
        const at = features.indices[e]! * k;
        for (let c = 0; c < k; c++) projected[c] = projected[c]! + features.values[e]! * v[at + c]!;
      }
      for (let e = 0; e < features.indices.length; e++) {
        const at = features.indices[e]! * k;
        for (let c = 0; c < k; c++)
          out[at + c] = out[at + c]! + features.values[e]! * projected[c]!;
      }
    }
  };
  const w = new Float64Array(n);
  if (n > 0) conjugateGradient(n, multiply, rhs, w, 60, cgWork(n));
  return { vocabulary, idf, k, map: Float32Array.from(w) };
}
