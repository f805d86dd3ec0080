// Runs in browser, worker and Node. Small rating sets for the recommender's tests.
import { createIdIndex } from '../data/id-index';
import { buildInteractions, type Interactions } from '../data/interactions';
import { RatingTableBuilder } from '../data/rating-table';
import { mulberry32 } from '../random';

/**
 * Two taste groups over `items` films: users in group A rate the first half high and the second
 * low, group B the reverse. Each user rates a random `share` of the films they like and
 * `dislikedShare` of the others.
 */
export function twoTasteGroups(
  users = 40,
  items = 30,
  share = 0.5,
  seed = 1,
  dislikedShare = share,
): Interactions {
  const random = mulberry32(seed);
  const builder = new RatingTableBuilder();
  for (let u = 1; u <= users; u++) {
    const groupA = u % 2 === 0;
    for (let m = 1; m <= items; m++) {
      const likes = groupA === m <= items / 2;
      if (random() > (likes ? share : dislikedShare)) continue;
      builder.push(
        u,
        m,
        likes ? 4 + Math.round(random() * 2) / 2 : 1 + Math.round(random() * 3) / 2,
        u * 1000 + m,
      );
    }
  }
  const table = builder.build();
  return buildInteractions(table, createIdIndex(table.userIds), createIdIndex(table.movieIds));
}
