// Runs in browser, worker and Node. What the server publishes and every device downloads.
import type { StarParams } from '../recommender/biased-mf';
import type { ContentModel } from '../recommender/content-map';
import type { ImplicitParams } from '../recommender/implicit-als';
import type { StarBlend } from '../recommender/star-blend';

/** The binary format this code writes and reads; a device refuses any other. */
export const SNAPSHOT_FORMAT_VERSION = 1;

export interface TrainingInfo {
  /** Where the ratings came from, e.g. "ml-latest-small + 1,204 contributions". */
  source: string;
  ratings: number;
  users: number;
  items: number;
  trainMs: number;
}

/** The shared model: item factors for ranking and for stars, biases, and the content map. */
export interface Snapshot {
  createdAt: string;
  /** MovieLens ids, ascending; row i of every matrix belongs to movieIds[i]. */
  movieIds: Int32Array;
  /** Training ratings per film (popularity, and how far to trust its factors). */
  itemCounts: Uint32Array;
  implicit: { params: ImplicitParams; factors: Float32Array };
  /** Predicted stars; null in a ranking-only snapshot. */
  stars: {
    params: StarParams;
    globalMean: number;
    itemBias: Float32Array;
    factors: Float32Array;
    /** Weights that mix in the implicit score; null predicts from the star model alone. */
    blend: StarBlend | null;
  } | null;
  content: ContentModel | null;
  training: TrainingInfo;
}

/** A snapshot that cannot be used: damaged, from another format version, or not a snapshot. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}
