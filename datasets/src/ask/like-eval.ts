// Runs in Node: part of `npm run eval -- --ask`. How good Ask's "like X" answers are, against the
// plain "More like this" list: the shared model is trained on 80% of the users (by hash); for the
// 200 most rated films X, each list's ten films are scored by how many of the other 20% who rated
// X highly (4★ or more) also rated that film highly (held-out co-occurrence).
import {
  createIdIndex,
  fnv1a32,
  IMPLICIT_DEFAULTS,
  buildInteractions,
  prepareDeviceModel,
  type RatingTable,
  selectRows,
  trainSharedModel,
} from '@filmfold/model';
import { type AskCatalog, answerRequest, rowScorer } from '@filmfold/model/ask';
import { itemFacts, itemSimilarityTo, similarFilms } from '@filmfold/model/personal';

const FILMS = 200;
const LIST = 10;
const LIKED = 4;
/** Held-out raters who liked X, at least, for X to be measured. */
const MIN_LIKERS = 5;

type Method = 'ask' | 'moreLikeThis' | 'popular';

export interface LikeReport {
  films: number;
  /** Mean share of the list the held-out X-lovers also loved, per method. */
  coLiked: Record<Method, number>;
  /**
   * Mean lift: how much likelier X-lovers are to love the list's films than held-out users at
   * large (1 = no more than anyone; the co-liked share alone favours films everyone loves).
   */
  lift: Record<Method, number>;
}

export function likeXReport(table: RatingTable, catalog: AskCatalog): LikeReport {
  const isTest = (user: number) => fnv1a32(`like-x:${user}`) % 5 === 0;
  const train = selectRows(table, (r) => !isTest(table.userIds[r]!));
  const users = createIdIndex(Array.from(new Set(train.userIds)));
  const items = createIdIndex(Array.from(new Set(train.movieIds)));
  const interactions = buildInteractions(train, users, items);
  const model = prepareDeviceModel(
    trainSharedModel(
      interactions,
      { implicit: IMPLICIT_DEFAULTS, stars: null, content: null },
      undefined,
      'like-x eval',
    ),
  );
  const rows = Array.from(model.snapshot.movieIds, (id) => catalog.byId.get(id));
  const facts = itemFacts(
    rows.map((f) => ({ year: f?.year ?? null, genres: [...(f?.genres ?? [])] })),
    Float32Array.from(model.snapshot.itemCounts),
  );
  // Held-out users' loved films.
  const loved = new Map<number, Set<number>>();
  for (let r = 0; r < table.length; r++) {
    if (!isTest(table.userIds[r]!) || table.ratings[r]! < LIKED) continue;
    const user = table.userIds[r]!;
    const set = loved.get(user) ?? new Set<number>();
    set.add(table.movieIds[r]!);
    loved.set(user, set);
  }
  const byCount = Array.from(model.snapshot.movieIds)
    .map((id, i) => ({ id, count: model.snapshot.itemCounts[i]! }))
    .sort((a, b) => b.count - a.count);
  // Nobody in particular: films ranked by how well known and liked they are.
  const scorer = rowScorer(model, {
    similarityTo: (item) => itemSimilarityTo(model, facts, item),
  });
  const nobody = {
    seen: new Set<number>(),
    excluded: new Set<number>(),
    watchlist: new Set<number>(),
  };
  const sums = { ask: 0, moreLikeThis: 0, popular: 0 };
  const lifts = { ask: 0, moreLikeThis: 0, popular: 0 };
  const everyone = [...loved.values()];
  const baseRate = new Map<number, number>();
  const rateOf = (y: number) => {
    let rate = baseRate.get(y);
    if (rate === undefined) {
      rate = everyone.filter((set) => set.has(y)).length / everyone.length;
      baseRate.set(y, rate);
    }
    return rate;
  };
  let measured = 0;
  for (const { id: x } of byCount) {
    if (measured === FILMS) break;
    const likers = [...loved.values()].filter((set) => set.has(x));
    if (likers.length < MIN_LIKERS || !catalog.byId.has(x)) continue;
    const coLiked = (y: number) => likers.filter((set) => set.has(y)).length / likers.length;
    const lists: Record<Method, number[]> = {
      ask: answerRequest({ similarTo: [x], count: LIST }, catalog, scorer, nobody).films.map(
        (f) => f.movieId,
      ),
      moreLikeThis: similarFilms(model, facts, x, LIST),
      popular: byCount
        .filter((f) => f.id !== x)
        .slice(0, LIST)
        .map((f) => f.id),
    };
    for (const method of ['ask', 'moreLikeThis', 'popular'] as const) {
      const list = lists[method];
      sums[method] += list.reduce((sum, y) => sum + coLiked(y), 0) / LIST;
      lifts[method] +=
        list.reduce((sum, y) => sum + (rateOf(y) > 0 ? coLiked(y) / rateOf(y) : 0), 0) / LIST;
    }
    measured++;
  }
  return {
    films: measured,
    coLiked: {
      ask: sums.ask / measured,
      moreLikeThis: sums.moreLikeThis / measured,
      popular: sums.popular / measured,
    },
    lift: {
      ask: lifts.ask / measured,
      moreLikeThis: lifts.moreLikeThis / measured,
      popular: lifts.popular / measured,
    },
  };
}
