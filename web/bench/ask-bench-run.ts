// Runs in Node and in a browser worker (the bench runs it in both). Ask at ml-25m's size: the films
// of ml-latest-small copied (new ids, the copies' titles marked) up to 62,000, a device model over
// them made by the app's own code (a snapshot's item space of 64 factors a film, random values:
// the arithmetic is the real one), a person of 40 ratings folded in, and the worker's scorer
// (its similarity is the one "More like this" uses). Every request of the Ask corpus is parsed and
// answered in order, each follow-up in its conversation.
import {
  IMPLICIT_DEFAULTS,
  foldIn,
  mulberry32,
  prepareDeviceModel,
  scoreAllItems,
} from '@filmfold/model';
import {
  AskCatalog,
  type AskFilm,
  type Understood,
  answerRequest,
  parseRequest,
  rowScorer,
} from '@filmfold/model/ask';
import { itemFacts, itemSimilarityTo } from '@filmfold/model/personal';

export const FILMS = 62_000;
const FACTORS = IMPLICIT_DEFAULTS.factors;
const RATED = 40;

export interface BenchTurn {
  text: string;
  /** What the corpus says this turn means: the next turn's context, as the app would hold it. */
  expected: Understood;
}

export interface AskBenchResult {
  films: number;
  /** Building the catalog's index (the worker does it on the first question). */
  indexMs: number;
  parseMs: number[];
  totalMs: number[];
  /** The slowest requests, slowest first. */
  slowest: { ms: number; text: string }[];
}

/** `small` copied up to FILMS films. */
function grow(small: readonly AskFilm[]): AskFilm[] {
  const films = [...small];
  for (let copy = 1; films.length < FILMS; copy++)
    for (const film of small) {
      if (films.length === FILMS) break;
      films.push({ ...film, id: film.id + copy * 1_000_000, title: `${film.title} ${copy}` });
    }
  return films.sort((a, b) => a.id - b.id);
}

export function runAskBench(
  small: readonly AskFilm[],
  conversations: readonly (readonly BenchTurn[])[],
  shown: readonly number[],
): AskBenchResult {
  const films = grow(small);
  const indexStarted = performance.now();
  const catalog = new AskCatalog(films);
  const indexMs = performance.now() - indexStarted;

  const random = mulberry32(11);
  const factors = new Float32Array(films.length * FACTORS);
  for (let i = 0; i < factors.length; i++) factors[i] = random() - 0.5;
  const model = prepareDeviceModel({
    createdAt: new Date(0).toISOString(),
    movieIds: Int32Array.from(films, (f) => f.id),
    itemCounts: Uint32Array.from(films, (f) => f.ratingCount),
    implicit: { params: IMPLICIT_DEFAULTS, factors },
    stars: null,
    content: null,
    training: { source: 'bench', ratings: 0, users: 0, items: films.length, trainMs: 0 },
  });
  const facts = itemFacts(
    films,
    Float32Array.from(films, (f) => f.ratingCount),
  );
  const rated = Int32Array.from({ length: RATED }, () => Math.floor(random() * films.length));
  const me = foldIn(model.space, {
    items: rated,
    ratings: Float32Array.from(rated, () => 1 + Math.floor(random() * 5)),
  });
  const scores = scoreAllItems(model.space, me.vector, new Float32Array(films.length));
  const scorer = rowScorer(model, {
    personal: (item) => scores[item]!,
    similarityTo: (item) => itemSimilarityTo(model, facts, item),
  });
  const ratedIds = new Set(Array.from(rated, (i) => films[i]!.id));
  const person = { seen: ratedIds, excluded: ratedIds, watchlist: new Set<number>() };

  const parseMs: number[] = [];
  const totalMs: number[] = [];
  const slowest: { ms: number; text: string }[] = [];
  for (const turns of conversations) {
    let context;
    for (const turn of turns) {
      const started = performance.now();
      const understood = parseRequest(turn.text, catalog, context);
      parseMs.push(performance.now() - started);
      answerRequest(understood, catalog, scorer, person);
      const ms = performance.now() - started;
      totalMs.push(ms);
      slowest.push({ ms, text: turn.text });
      context = { understood: turn.expected, shown: [...shown] };
    }
  }
  slowest.sort((a, b) => b.ms - a.ms);
  return { films: films.length, indexMs, parseMs, totalMs, slowest: slowest.slice(0, 10) };
}
