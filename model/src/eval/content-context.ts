// Runs in browser, worker and Node. Film content for the evaluation, without leaking held-out ratings.
import type { IdIndex } from '../data/id-index';
import type { RatingTable } from '../data/rating-table';
import type { ContentDocument } from '../recommender/content-map';

/** A tag together with who applied it. */
export interface UserTag {
  userId: number;
  movieId: number;
  tag: string;
}

/** Content for the evaluation: documents without tags, and the tags with their authors. */
export interface EvalContent {
  documents: ReadonlyMap<number, Omit<ContentDocument, 'tags'>>;
  tags: readonly UserTag[];
}

const EMPTY: Omit<ContentDocument, 'tags'> = { genres: [], directors: [], cast: [], keywords: [] };

/**
 * One document per item index. A tag is left out when its author rated the film but that rating
 * is held out (not in `train`): such a tag would tell the model what the user watched next.
 */
export function contentFor(
  items: IdIndex,
  content: EvalContent,
  all: RatingTable,
  train: RatingTable,
): ContentDocument[] {
  const key = (u: number, m: number) => u * 4_294_967_296 + m;
  const inTrain = new Set<number>();
  for (let r = 0; r < train.length; r++) inTrain.add(key(train.userIds[r]!, train.movieIds[r]!));
  const heldOut = new Set<number>();
  for (let r = 0; r < all.length; r++) {
    const pair = key(all.userIds[r]!, all.movieIds[r]!);
    if (!inTrain.has(pair)) heldOut.add(pair);
  }
  const tags = Array.from({ length: items.size }, () => [] as string[]);
  for (const { userId, movieId, tag } of content.tags) {
    const item = items.indexOf(movieId);
    if (item >= 0 && !heldOut.has(key(userId, movieId))) tags[item]!.push(tag);
  }
  return Array.from(items.ids, (movieId, item) => ({
    ...(content.documents.get(movieId) ?? EMPTY),
    tags: tags[item]!,
  }));
}
