// Runs in Node (the server's publishing) and in tests. Films too thinly rated for the
// collaborative model still get a place in the snapshot: their ranking factors are the content
// map's prediction fᵀW, their star model is the global mean (no bias, no factors), their count 0.
import type { Snapshot } from '../snapshot/snapshot';
import { type ContentDocument, embedContent, featuresOf } from './content-map';

export interface ContentOnlyFilm {
  movieId: number;
  doc: ContentDocument;
}

/**
 * The snapshot with `films` added (those already in it are left as they are), rows kept in
 * ascending movie id. Without a content map there is nothing to predict from: unchanged.
 */
export function withContentOnlyFilms(
  snapshot: Snapshot,
  films: readonly ContentOnlyFilm[],
): Snapshot {
  const content = snapshot.content;
  if (!content) return snapshot;
  const present = new Set(snapshot.movieIds);
  const added = new Map(films.filter((f) => !present.has(f.movieId)).map((f) => [f.movieId, f]));
  if (added.size === 0) return snapshot;
  const ids = Int32Array.from([...present, ...added.keys()]).sort();
  const rowOf = new Map(Array.from(snapshot.movieIds, (id, row) => [id, row]));
  const k = content.k;
  const starK = snapshot.stars ? snapshot.stars.factors.length / snapshot.movieIds.length : 0;
  const implicit = new Float32Array(ids.length * k);
  const counts = new Uint32Array(ids.length);
  const starFactors = new Float32Array(ids.length * starK);
  const starBias = new Float32Array(ids.length);
  const index = new Map(content.vocabulary.map((term, i) => [term, i]));
  const predicted = new Float32Array(k);
  ids.forEach((id, to) => {
    const from = rowOf.get(id);
    if (from === undefined) {
      const doc = added.get(id)!.doc;
      embedContent(featuresOf(doc, content.vocabulary, content.idf, index), content, predicted);
      implicit.set(predicted, to * k);
      return;
    }
    implicit.set(snapshot.implicit.factors.subarray(from * k, (from + 1) * k), to * k);
    counts[to] = snapshot.itemCounts[from]!;
    if (snapshot.stars) {
      starFactors.set(
        snapshot.stars.factors.subarray(from * starK, (from + 1) * starK),
        to * starK,
      );
      starBias[to] = snapshot.stars.itemBias[from]!;
    }
  });
  return {
    ...snapshot,
    movieIds: ids,
    itemCounts: counts,
    implicit: { ...snapshot.implicit, factors: implicit },
    stars: snapshot.stars ? { ...snapshot.stars, itemBias: starBias, factors: starFactors } : null,
  };
}
