// Runs in Node (the evaluation). What the server's MIN_RATERS rule costs and what content-only
// films win back: the shared model trained only on films with enough distinct raters, as the
// server publishes it, with and without the other films placed by their content (fᵀW).
import { buildInteractions, type Interactions } from '../data/interactions';
import { createIdIndex } from '../data/id-index';
import { RatingTableBuilder } from '../data/rating-table';
import { decodeSnapshot, encodeSnapshot } from '../snapshot/codec';
import type { ContentDocument } from './content-map';
import { withContentOnlyFilms } from './content-only-films';
import { type DeviceModel, prepareDeviceModel } from './device-model';
import { CONTENT_DEFAULTS, IMPLICIT_DEFAULTS } from './filmfold';
import { foldIn, scoreAllItems } from './fold-in';
import type { ModelSpec, Recommender } from './recommender';
import { trainSharedModel } from './shared-model';

const NO_CONTENT: ContentDocument = { genres: [], tags: [], directors: [], cast: [], keywords: [] };

/** The ratings of films with at least `minRaters` raters, in fresh dense indices. */
function collaborativePart(train: Interactions, minRaters: number): Interactions {
  const builder = new RatingTableBuilder();
  for (let u = 0; u < train.numUsers; u++) {
    for (let e = train.byUser.ptr[u]!; e < train.byUser.ptr[u + 1]!; e++) {
      const item = train.byUser.cols[e]!;
      if (train.itemCounts[item]! < minRaters) continue;
      builder.push(
        train.users.ids[u]!,
        train.items.ids[item]!,
        train.byUser.values[e]!,
        train.byUser.times?.[e] ?? 0,
      );
    }
  }
  const table = builder.build();
  return buildInteractions(table, createIdIndex(table.userIds), createIdIndex(table.movieIds));
}

function minRatersRanker(name: string, withContentOnly: boolean): ModelSpec {
  return {
    name,
    tasks: ['rank'],
    grid: [{ minRaters: 20 }],
    create(params): Recommender {
      let train: Interactions | undefined;
      let device: DeviceModel | undefined;
      /** Device row of each training item, -1 where the snapshot lacks it. */
      let rowOf: Int32Array | undefined;
      let scores: Float32Array | undefined;
      return {
        fit(data, context) {
          train = data;
          const part = collaborativePart(data, params.minRaters ?? 20);
          const docOf = (movieId: number): ContentDocument =>
            context?.content?.[data.items.indexOf(movieId)] ?? NO_CONTENT;
          let snapshot = trainSharedModel(
            part,
            {
              implicit: IMPLICIT_DEFAULTS,
              stars: null,
              content: { ...CONTENT_DEFAULTS, blend: 0 },
            },
            Array.from(part.items.ids, docOf),
            'evaluation training split, MIN_RATERS',
          );
          if (withContentOnly)
            snapshot = withContentOnlyFilms(
              snapshot,
              Array.from(data.items.ids, (movieId) => ({ movieId, doc: docOf(movieId) })),
            );
          device = prepareDeviceModel(decodeSnapshot(encodeSnapshot(snapshot, 'float16')));
          rowOf = Int32Array.from(data.items.ids, (movieId) => device!.indexOf(movieId));
          scores = new Float32Array(device.space.numItems);
        },
        scoreAll(user, out) {
          const items: number[] = [];
          const ratings: number[] = [];
          for (let e = train!.byUser.ptr[user]!; e < train!.byUser.ptr[user + 1]!; e++) {
            const row = rowOf![train!.byUser.cols[e]!]!;
            if (row < 0) continue;
            items.push(row);
            ratings.push(train!.byUser.values[e]!);
          }
          const folded = foldIn(device!.space, {
            items: Int32Array.from(items),
            ratings: Float32Array.from(ratings),
          });
          scoreAllItems(device!.space, folded.vector, scores!);
          // Films the snapshot lacks cannot be recommended.
          for (let i = 0; i < out.length; i++)
            out[i] = rowOf![i]! >= 0 ? scores![rowOf![i]!]! : -Infinity;
        },
      };
    },
  };
}

/** The server's rule alone: films with fewer than 20 raters are not in the model. */
export const minRatersOnly = minRatersRanker('filmfold-min-raters', false);
/** The same, with the thinly rated films placed by their content, as the server now publishes. */
export const minRatersContentOnly = minRatersRanker('filmfold-min-raters-content', true);
