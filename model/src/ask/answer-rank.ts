// Runs in browser, worker and Node. The order of an answer: the films that met the request's hard
// constraints (by their places in the catalog), ranked by the person's own model blended with how
// well each meets the soft ones (similar films, moods, themes, the order asked for), then a few per
// director at most.
import type { AskCatalog } from './ask-catalog';
import type { AskScorer } from './ask-scorer';
import { type AskerState, filmsWithTheme, moodTagHits } from './answer-checks';
import type { Understood } from './understood';
import { MOODS } from './vocabulary';

/** Films of one director in one answer at most, unless the request names the director. */
const PER_DIRECTOR = 2;

/** Values kept to place the rest among (an approximate percentile costs O(n log SAMPLE)). */
const SAMPLE = 1024;

/**
 * Where each of `values` falls among them, 0-1 (ties share their place; NaN, unknown, is lowest),
 * measured against a fixed sample of them: exact up to SAMPLE values, close beyond.
 */
export function percentiles(values: Float64Array): Float64Array {
  const step = Math.max(1, values.length / SAMPLE);
  const low = (x: number) => (Number.isNaN(x) ? -Infinity : x);
  const sample = new Float64Array(Math.ceil(values.length / step));
  for (let i = 0; i < sample.length; i++) sample[i] = low(values[Math.floor(i * step)]!);
  sample.sort();
  /** How many sampled values are below `x` (or, not strictly, below or equal). */
  const count = (x: number, isStrict: boolean) => {
    let [lo, hi] = [0, sample.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sample[mid]! < x || (!isStrict && sample[mid] === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const scale = Math.max(1, sample.length - 1);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = low(values[i]!);
    const below = count(x, true);
    // Ties share the middle of their run (looked for only when the sample has the value).
    const last = sample[below] === x ? count(x, false) - 1 : below;
    out[i] = (below + last) / 2 / scale;
  }
  return out;
}

/** The indexes of the `need` highest scores, highest first, ties in their first order. */
export function topIndexes(score: Float64Array, need: number): number[] {
  // The best `need` so far, worst first; most scores fall below it and cost one comparison.
  const best: number[] = [];
  const worse = (a: number, b: number) => score[a]! < score[b]! || (score[a] === score[b] && a > b);
  for (let i = 0; i < score.length; i++) {
    if (best.length === need && !worse(best[0]!, i)) continue;
    let at = 0;
    while (at < best.length && worse(best[at]!, i)) at++;
    best.splice(at, 0, i);
    if (best.length > need) best.shift();
  }
  return best.reverse();
}

/** The person's score of each film of `pool` (places), -Infinity where the model lacks it. */
function personalOf(pool: Int32Array, scorer: AskScorer, catalog: AskCatalog): Float64Array {
  const every = scorer.personal(catalog);
  const out = new Float64Array(pool.length);
  for (let k = 0; k < pool.length; k++) {
    const value = every[pool[k]!]!;
    out[k] = Number.isNaN(value) ? -Infinity : value;
  }
  return out;
}

/** Per film of `pool`, how alike it is to the most alike of the films asked about. */
function similarOf(
  pool: Int32Array,
  to: readonly number[],
  scorer: AskScorer,
  catalog: AskCatalog,
) {
  const best = new Float64Array(pool.length).fill(-Infinity);
  for (const film of to) {
    const values = scorer.similarity(film, catalog, pool);
    for (let k = 0; k < best.length; k++) if (values[k]! > best[k]!) best[k] = values[k]!;
  }
  return best;
}

/** The best `need` films of `pool` (places in the catalog), best first. */
export function rank(
  pool: Int32Array,
  u: Understood,
  scorer: AskScorer,
  person: AskerState,
  catalog: AskCatalog,
  need: number,
): number[] {
  const raw = personalOf(pool, scorer, catalog);
  const { years, genres, quality, popularity } = catalog.columns;
  if (u.sort === 'newest' || u.sort === 'oldest') {
    // By year alone, the person's model breaking ties within a year.
    const sign = u.sort === 'newest' ? -1 : 1;
    return Array.from(pool.keys())
      .sort((a, b) => sign * (years[pool[a]!]! - years[pool[b]!]!) || raw[b]! - raw[a]!)
      .slice(0, need)
      .map((k) => pool[k]!);
  }
  const isPersonalOnly =
    !u.similarTo?.length && !u.moods?.length && !u.tags?.length && u.sort === undefined;
  // Nothing to blend with: the person's own order is the answer's.
  if (isPersonalOnly) return topIndexes(raw, need).map((k) => pool[k]!);
  const personal = percentiles(raw);
  const similar = u.similarTo?.length
    ? percentiles(similarOf(pool, u.similarTo, scorer, catalog))
    : null;
  const trendingAt = new Map((person.trending ?? []).map((id, i) => [catalog.placeOf(id), i]));
  const moods = (u.moods ?? []).map((mood) => ({
    genre: catalog.genreBits.get(MOODS[mood]?.genres[0] ?? '') ?? 0,
    hits: moodTagHits(catalog, mood),
  }));
  const themes = (u.tags ?? []).map((tag) => filmsWithTheme(catalog, tag));
  const score = new Float64Array(pool.length);
  for (let k = 0; k < pool.length; k++) {
    const i = pool[k]!;
    let s = personal[k]!;
    if (similar) s = 0.35 * s + 0.65 * similar[k]!;
    for (const { genre, hits } of moods) {
      // The mood's first genre is what it mostly means: "scary" is horror before thrillers.
      if (genre !== 0 && (genres[i]! & genre) !== 0) s += 0.4;
      s += Math.min(2, hits[i]!) * 0.08;
    }
    for (const films of themes) if (films[i] === 1) s += 0.3;
    if (u.sort === 'rating') s = 0.4 * s + 0.6 * quality[i]!;
    else if (u.sort === 'popular' || (u.sort === 'trending' && !trendingAt.size))
      s = 0.4 * s + 0.6 * popularity[i]!;
    else if (u.sort === 'hidden') s = 0.4 * s + 0.6 * quality[i]! * (1 - popularity[i]!) * 2;
    else if (u.sort === 'trending' && trendingAt.size)
      s = 1 - (trendingAt.get(i) ?? 1e6) / 1e3 + 0.01 * s;
    score[k] = s;
  }
  return topIndexes(score, need).map((k) => pool[k]!);
}

/** The top `count` places, at most PER_DIRECTOR per director unless the request names directors. */
export function spread(
  ranked: readonly number[],
  count: number,
  u: Understood,
  catalog: AskCatalog,
): number[] {
  if (u.people?.some((p) => p.role === 'director')) return ranked.slice(0, count);
  const picked: number[] = [];
  const later: number[] = [];
  const perDirector = new Map<string, number>();
  for (const i of ranked) {
    if (picked.length === count) break;
    const director = catalog.films[i]!.directors?.[0];
    const n = director ? (perDirector.get(director) ?? 0) : 0;
    if (director && n >= PER_DIRECTOR) {
      later.push(i);
      continue;
    }
    if (director) perDirector.set(director, n + 1);
    picked.push(i);
  }
  return [...picked, ...later].slice(0, count);
}
