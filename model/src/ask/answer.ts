// Runs in browser, worker and Node. The answer to an understood request: the films that meet its
// hard constraints (genres, people, years, runtime, what to leave out, the watchlist), ranked by
// the person's own model blended with how well each meets the soft ones (similar films, moods,
// themes, the order asked for), a few per director at most, each with a reason that cites the
// request. An empty answer says which constraint emptied it and how many dropping it would give.
import type { AskCatalog, AskEntry, AskFilm } from './ask-catalog';
import { fold } from './ask-text';
import { clean } from './follow-up';
import {
  type AskIntent,
  type AskPerson as AskerPerson,
  type Understood,
  intentOf,
} from './understood';
import { MOODS, THEME_WORDS } from './vocabulary';

/** What the answer needs from a model: the person's scores, and how alike two films are. */
export interface AskScorer {
  /** The person's score for a film (higher is better), undefined where the model lacks it. */
  personal(movieId: number): number | undefined;
  /** How alike two films are (higher is more alike), undefined where unknown. */
  similarity(movieId: number, to: number): number | undefined;
  /**
   * The same against one film, prepared once for the many films an answer compares with it
   * (faster); without it, `similarity` is called.
   */
  similarityTo?(to: number): (movieId: number) => number | undefined;
  /** The person's rated film that pushed this one up most, for the reason. */
  because?(movieId: number): number | undefined;
}

/** What the device knows of the person beside their model. */
export interface AskerState {
  /** Rated, logged or marked seen: left out when the request says "that I haven't seen". */
  seen: ReadonlySet<number>;
  /** Never offered again: films the person rated or hid. */
  excluded: ReadonlySet<number>;
  watchlist: ReadonlySet<number>;
  /** Trending films in order, when known (the server's trending list, kept offline). */
  trending?: readonly number[];
}

export interface AskAnswerFilm {
  movieId: number;
  title: string;
  year: number | null;
  reason: string;
}

/** A constraint that emptied the answer, how many films dropping it would give, and the request without it. */
export interface Relaxation {
  field: keyof Understood;
  label: string;
  count: number;
  without: Understood;
}

export interface AskAnswer {
  intent: AskIntent;
  understood: Understood;
  reply: string;
  films: AskAnswerFilm[];
  relax: Relaxation[];
}

/**
 * How well known and liked a film is: the score an answer ranks by for nobody in particular (an
 * API client that sent no ratings, the "like X" evaluation).
 */
export const wellLiked = (film: AskFilm) => Math.log1p(film.ratingCount) * (film.meanRating ?? 3);

export const DEFAULT_COUNT = 10;
/** Films of one director in one answer at most, unless the request names the director. */
const PER_DIRECTOR = 2;

const SEPARATOR = ' — ';

const COUNT_WORDS = 'One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve'.split(' ');
/** "Five 1990s comedies", never "5 1990s comedies". */
const countWord = (n: number) => COUNT_WORDS[n - 1] ?? String(n);

const folded = (word: string) =>
  fold(word)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const THEME_NAMES = new Map(
  Object.entries(THEME_WORDS).map(([tag, words]) => [
    tag,
    [...new Set([tag, ...words].map(folded))],
  ]),
);
const MOOD_TAGS = new Map(Object.entries(MOODS).map(([mood, m]) => [mood, m.tags.map(folded)]));

/** The films whose tags or keywords name the theme (a word of them, or the whole of one). */
const filmsWithTheme = (catalog: AskCatalog, tag: string): ReadonlySet<number> =>
  catalog.memo(`theme:${tag}`, () => {
    const names = THEME_NAMES.get(tag) ?? [folded(tag)];
    return new Set(
      catalog.entries
        .filter((e) => names.some((name) => e.themes.includes(` ${name} `)))
        .map((e) => e.film.id),
    );
  });

/** Per film, how many of a mood's tags its tags and keywords name (films with none left out). */
const moodTagHits = (catalog: AskCatalog, mood: string): ReadonlyMap<number, number> =>
  catalog.memo(`mood:${mood}`, () => {
    const hits = new Map<number, number>();
    const tags = MOOD_TAGS.get(mood) ?? [];
    for (const e of catalog.entries) {
      const n = tags.filter((tag) => e.themes.includes(` ${tag} `)).length;
      if (n > 0) hits.set(e.film.id, n);
    }
    return hits;
  });

const fitsMood = (hits: ReadonlyMap<number, number>, { film }: AskEntry, mood: string) =>
  (MOODS[mood]?.genres ?? []).some((g) => film.genres.includes(g)) || hits.has(film.id);

/** A mood left out: its tags, and for a mood of one or two genres, its first genre too. */
function hasMood(hits: ReadonlyMap<number, number>, { film }: AskEntry, mood: string): boolean {
  const genres = MOODS[mood]?.genres ?? [];
  return hits.has(film.id) || (genres.length <= 2 && film.genres.includes(genres[0]!));
}

const credited = (film: AskFilm, person: { name: string; role: string }) =>
  (person.role === 'director' ? film.directors : film.cast)?.includes(person.name) ?? false;

type Check = {
  field: keyof Understood;
  label: string;
  passes: (entry: AskEntry) => boolean;
  /** What dropping this constraint changes in the request. */
  drop?: Partial<Understood>;
};

/** The hard constraints of `u`, each with the words that name it. */
function checks(u: Understood, person: AskerState, catalog: AskCatalog): Check[] {
  const list: Check[] = [];
  if (u.genres?.length)
    list.push({
      field: 'genres',
      label: u.genres.join(' and ').toLowerCase(),
      passes: ({ film }) => u.genres!.every((g) => film.genres.includes(g)),
    });
  if (u.excludeGenres?.length)
    list.push({
      field: 'excludeGenres',
      label: `no ${u.excludeGenres.join(' or ').toLowerCase()}`,
      passes: ({ film }) => !u.excludeGenres!.some((g) => film.genres.includes(g)),
    });
  if (u.people?.length) {
    // A family ("the Coen brothers") is one credit: any of them; different people: all of them.
    const byName = u.people;
    const families = new Map<string, AskerPerson[]>();
    for (const p of byName) {
      const family = `${p.role}:${p.name.split(' ').at(-1)}`;
      families.set(family, [...(families.get(family) ?? []), p]);
    }
    const groups = [...families.values()];
    list.push({
      field: 'people',
      label: byName
        .map((p) => `${p.role === 'director' ? 'directed by' : 'with'} ${p.name}`)
        .join(', '),
      passes: ({ film }) => groups.every((group) => group.some((p) => credited(film, p))),
    });
  }
  if (u.excludePeople?.length)
    list.push({
      field: 'excludePeople',
      label: `without ${u.excludePeople.map((p) => p.name).join(' or ')}`,
      passes: ({ film }) =>
        !u.excludePeople!.some(
          (p) => film.directors?.includes(p.name) || film.cast?.includes(p.name),
        ),
    });
  if (u.yearFrom !== undefined || u.yearTo !== undefined)
    list.push({
      field: 'yearFrom',
      drop: { yearFrom: undefined, yearTo: undefined },
      label: yearsLabel(u),
      passes: ({ film }) =>
        film.year !== null &&
        film.year >= (u.yearFrom ?? -Infinity) &&
        film.year <= (u.yearTo ?? Infinity),
    });
  if (u.minRuntime !== undefined || u.maxRuntime !== undefined)
    list.push({
      field: 'maxRuntime',
      drop: { minRuntime: undefined, maxRuntime: undefined },
      label: runtimeLabel(u),
      passes: ({ film }) =>
        film.runtime !== undefined &&
        film.runtime >= (u.minRuntime ?? 0) &&
        film.runtime <= (u.maxRuntime ?? Infinity),
    });
  for (const mood of u.moods ?? []) {
    const hits = moodTagHits(catalog, mood);
    list.push({
      field: 'moods',
      label: mood,
      passes: (entry) => fitsMood(hits, entry, mood),
      drop: { moods: u.moods!.filter((m) => m !== mood) },
    });
  }
  if (u.excludeMoods?.length) {
    const left = u.excludeMoods.map((mood) => ({ mood, hits: moodTagHits(catalog, mood) }));
    list.push({
      field: 'excludeMoods',
      label: `nothing ${u.excludeMoods.join(' or ')}`,
      passes: (entry) => !left.some(({ mood, hits }) => hasMood(hits, entry, mood)),
    });
  }
  if (u.excludeTags?.length) {
    const left = u.excludeTags.map((tag) => filmsWithTheme(catalog, tag));
    list.push({
      field: 'excludeTags',
      label: `no ${u.excludeTags.join(' or ')}`,
      passes: ({ film }) => !left.some((films) => films.has(film.id)),
    });
  }
  if (u.watchlistOnly)
    list.push({
      field: 'watchlistOnly',
      label: 'on your watchlist',
      passes: ({ film }) => person.watchlist.has(film.id),
    });
  if (u.unseenOnly)
    list.push({
      field: 'unseenOnly',
      label: 'not seen yet',
      passes: ({ film }) => !person.seen.has(film.id),
    });
  if (u.sort === 'trending' && person.trending?.length) {
    const trending = new Set(person.trending);
    list.push({ field: 'sort', label: 'trending', passes: ({ film }) => trending.has(film.id) });
  }
  return list;
}

export function yearsLabel(u: Understood): string {
  const { yearFrom: from, yearTo: to } = u;
  if (from !== undefined && to !== undefined) {
    if (from === to) return `from ${from}`;
    if (from % 10 === 0 && to === from + 9) return `${from}s`;
    return `${from}–${to}`;
  }
  if (from !== undefined) return `${from} or later`;
  return `${to} or earlier`;
}

export function runtimeLabel(u: Understood): string {
  if (u.minRuntime !== undefined && u.maxRuntime !== undefined)
    return `${u.minRuntime}–${u.maxRuntime} minutes`;
  if (u.maxRuntime !== undefined) return `up to ${u.maxRuntime} minutes`;
  return `at least ${u.minRuntime} minutes`;
}

/** `f` of each entry, as doubles (a plain loop: typed-array `from` with a map function is slow). */
function each(entries: readonly AskEntry[], f: (entry: AskEntry, i: number) => number) {
  const out = new Float64Array(entries.length);
  for (let i = 0; i < entries.length; i++) out[i] = f(entries[i]!, i);
  return out;
}

/** Values kept to place the rest among (an approximate percentile costs O(n log SAMPLE)). */
const SAMPLE = 1024;

/**
 * Where each of `values` falls among them, 0-1 (ties share their place; NaN, unknown, is lowest),
 * measured against a fixed sample of them: exact up to SAMPLE values, close beyond.
 */
function percentiles(values: Float64Array): Float64Array {
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
    // Ties share the middle of their run.
    const lo = count(x, true);
    out[i] = (lo + Math.max(lo, count(x, false) - 1)) / 2 / scale;
  }
  return out;
}

/** The indexes of the `need` highest scores, highest first, ties in their first order. */
function topIndexes(score: Float64Array, need: number): number[] {
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

function rank(
  entries: AskEntry[],
  u: Understood,
  scorer: AskScorer,
  person: AskerState,
  catalog: AskCatalog,
  need: number,
): AskEntry[] {
  if (u.sort === 'newest' || u.sort === 'oldest') {
    // By year alone, the person's model breaking ties within a year.
    const sign = u.sort === 'newest' ? -1 : 1;
    const personal = entries.map(({ film }) => scorer.personal(film.id) ?? -Infinity);
    return entries
      .map((entry, i) => ({ entry, i }))
      .sort(
        (a, b) =>
          sign * ((a.entry.film.year ?? 0) - (b.entry.film.year ?? 0)) ||
          personal[b.i]! - personal[a.i]!,
      )
      .slice(0, need)
      .map(({ entry }) => entry);
  }
  const raw = each(entries, ({ film }) => scorer.personal(film.id) ?? -Infinity);
  const isPersonalOnly =
    !u.similarTo?.length && !u.moods?.length && !u.tags?.length && u.sort === undefined;
  // Nothing to blend with: the person's own order is the answer's.
  if (isPersonalOnly) return topIndexes(raw, need).map((i) => entries[i]!);
  const personal = percentiles(raw);
  const alike = (u.similarTo ?? []).map(
    (to) => scorer.similarityTo?.(to) ?? ((id: number) => scorer.similarity(id, to)),
  );
  const similar = alike.length
    ? percentiles(
        each(entries, ({ film }) => {
          let best = -Infinity;
          for (const to of alike) {
            const value = to(film.id);
            if (value !== undefined && value > best) best = value;
          }
          return best;
        }),
      )
    : null;
  const trendingAt = new Map((person.trending ?? []).map((id, i) => [id, i]));
  const moods = (u.moods ?? []).map((mood) => ({
    genre: MOODS[mood]?.genres[0] ?? '',
    hits: moodTagHits(catalog, mood),
  }));
  const themes = (u.tags ?? []).map((tag) => filmsWithTheme(catalog, tag));
  const score = each(entries, (entry, i) => {
    const { film, popularity, quality } = entry;
    let s = personal[i]!;
    if (similar) s = 0.35 * s + 0.65 * similar[i]!;
    for (const { genre, hits } of moods) {
      // The mood's first genre is what it mostly means: "scary" is horror before thrillers.
      if (film.genres.includes(genre)) s += 0.4;
      s += Math.min(2, hits.get(film.id) ?? 0) * 0.08;
    }
    for (const films of themes) if (films.has(film.id)) s += 0.3;
    if (u.sort === 'rating') s = 0.4 * s + 0.6 * quality;
    else if (u.sort === 'popular' || (u.sort === 'trending' && !trendingAt.size))
      s = 0.4 * s + 0.6 * popularity;
    else if (u.sort === 'hidden') s = 0.4 * s + 0.6 * quality * (1 - popularity) * 2;
    else if (u.sort === 'trending' && trendingAt.size)
      s = 1 - (trendingAt.get(film.id) ?? 1e6) / 1e3 + 0.01 * s;
    return s;
  });
  return topIndexes(score, need).map((i) => entries[i]!);
}

/** The top `count`, at most PER_DIRECTOR per director unless the request names directors. */
function spread(entries: AskEntry[], count: number, u: Understood): AskEntry[] {
  if (u.people?.some((p) => p.role === 'director')) return entries.slice(0, count);
  const picked: AskEntry[] = [];
  const later: AskEntry[] = [];
  const perDirector = new Map<string, number>();
  for (const entry of entries) {
    if (picked.length === count) break;
    const director = entry.film.directors?.[0];
    const n = director ? (perDirector.get(director) ?? 0) : 0;
    if (director && n >= PER_DIRECTOR) {
      later.push(entry);
      continue;
    }
    if (director) perDirector.set(director, n + 1);
    picked.push(entry);
  }
  return [...picked, ...later].slice(0, count);
}

/** "A 1990s comedy with Tom Hanks — and you liked Big". */
function reasonFor(entry: AskEntry, u: Understood, scorer: AskScorer, catalog: AskCatalog): string {
  const { film } = entry;
  const parts: string[] = [];
  const genres = u.genres?.length ? u.genres : [];
  const moods = (u.moods ?? []).filter((m) => fitsMood(moodTagHits(catalog, m), entry, m));
  const themes = (u.tags ?? []).filter((t) => filmsWithTheme(catalog, t).has(film.id));
  const decade = film.year !== null ? `${Math.floor(film.year / 10) * 10}s` : null;
  const when =
    u.yearFrom !== undefined || u.yearTo !== undefined ? (film.year ? `${film.year}` : null) : null;
  const what = [
    ...moods,
    when && decade && yearsLabel(u).endsWith('s') ? decade : when,
    ...themes,
    genres.length ? genres.join(' ').toLowerCase() : 'film',
  ].filter(Boolean);
  parts.push(`A ${what.join(' ')}`);
  for (const p of u.people ?? [])
    if (credited(film, p)) parts.push(p.role === 'director' ? `by ${p.name}` : `with ${p.name}`);
  if (u.maxRuntime !== undefined || u.minRuntime !== undefined)
    if (film.runtime) parts.push(`${film.runtime} minutes`);
  let reason = parts.join(' ');
  const like = u.similarTo?.map((id) => catalog.byId.get(id)?.title).filter(Boolean);
  if (like?.length) reason += `${SEPARATOR}like ${like.join(' and ')}`;
  const liked = scorer.because?.(film.id);
  const likedTitle = liked !== undefined ? catalog.byId.get(liked)?.title : undefined;
  if (likedTitle && !u.similarTo?.includes(liked!))
    reason += `${like?.length ? ', and' : `${SEPARATOR}and`} you liked ${likedTitle}`;
  return reason;
}

const describe = (u: Understood) => {
  const bits: string[] = [];
  if (u.moods?.length) bits.push(u.moods.join(', '));
  if (u.yearFrom !== undefined || u.yearTo !== undefined) bits.push(yearsLabel(u));
  if (u.tags?.length) bits.push(u.tags.join(' '));
  bits.push(u.genres?.length ? `${u.genres.join(' ').toLowerCase()} films` : 'films');
  return bits.join(' ');
};

function infoAnswer(u: Understood, catalog: AskCatalog): AskAnswer {
  const { kind, movieId } = u.info!;
  const film = catalog.byId.get(movieId)!;
  const name = `${film.title}${film.year ? ` (${film.year})` : ''}`;
  const list = (people: readonly string[] | undefined, none: string) =>
    people?.length ? people.slice(0, 5).join(', ') : none;
  const reply = {
    about: film.overview ?? `${name}: no plot summary here yet. Its page has what is known.`,
    director: `${name} was directed by ${list(film.directors, 'someone the catalog does not name yet')}.`,
    cast: `${name} stars ${list(film.cast, 'people the catalog does not name yet')}.`,
    year: film.year
      ? `${film.title} came out in ${film.year}.`
      : `The catalog does not say when ${film.title} came out.`,
    runtime: film.runtime
      ? `${name} runs ${film.runtime} minutes.`
      : `The catalog does not know how long ${name} is.`,
    providers: `Where to watch ${name} is on its page.`,
  }[kind];
  return {
    intent: intentOf(u),
    understood: u,
    reply,
    films: [{ movieId: film.id, title: film.title, year: film.year, reason: reply }],
    relax: [],
  };
}

/**
 * Answers `u` from `catalog`: the films, best first, a reply that says what was understood (and
 * what was not), and, when nothing fits, which constraints to drop.
 */
export function answerRequest(
  u: Understood,
  catalog: AskCatalog,
  scorer: AskScorer,
  person: AskerState,
): AskAnswer {
  if (u.info && catalog.byId.has(u.info.movieId)) return infoAnswer(u, catalog);
  const count = u.count ?? DEFAULT_COUNT;
  const all = checks(u, person, catalog);
  const leftOut = new Set([...(u.excludeFilms ?? []), ...(u.similarTo ?? [])]);
  const isCandidate = ({ film }: AskEntry) =>
    !leftOut.has(film.id) && (u.watchlistOnly || !person.excluded.has(film.id));
  const passing = catalog.entries.filter(
    (entry) => isCandidate(entry) && all.every((c) => c.passes(entry)),
  );
  // Themes are a filter when enough films have them, and otherwise lift those that do.
  const themeSets = (u.tags ?? []).map((tag) => filmsWithTheme(catalog, tag));
  const themed = themeSets.length
    ? passing.filter(({ film }) => themeSets.every((films) => films.has(film.id)))
    : passing;
  const pool = themed.length >= Math.min(count, 3) ? themed : passing;
  // Enough of the best to keep two per director and still fill the answer.
  const films = spread(rank(pool, u, scorer, person, catalog, count * 5), count, u);
  const notUnderstood = u.notUnderstood?.length
    ? ` I didn't understand ${u.notUnderstood.map((w) => `“${w}”`).join(' or ')}.`
    : '';
  if (films.length === 0) {
    const relax = all
      .map((check) => ({
        field: check.field,
        label: check.label,
        count: catalog.entries.filter(
          (entry) => isCandidate(entry) && all.every((c) => c === check || c.passes(entry)),
        ).length,
        without: clean({
          ...u,
          notUnderstood: undefined,
          ...(check.drop ?? { [check.field]: undefined }),
        }),
      }))
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count);
    const hint = relax[0]
      ? ` Without “${relax[0].label}” there ${relax[0].count === 1 ? 'is 1 film' : `are ${relax[0].count} films`}.`
      : '';
    return {
      intent: intentOf(u),
      understood: u,
      reply: `No ${describe(u)} fit all of that.${hint}${notUnderstood}`,
      films: [],
      relax,
    };
  }
  const intro = Object.keys(u).some((k) => k !== 'notUnderstood')
    ? `${countWord(films.length)} ${describe(u)}${u.people?.length ? ` ${all.find((c) => c.field === 'people')!.label}` : ''}${u.similarTo?.length ? ` like ${u.similarTo.map((id) => catalog.byId.get(id)?.title).join(' and ')}` : ''}, ranked for you.`
    : 'Films ranked for you.';
  const trendingUnknown =
    u.sort === 'trending' && !person.trending?.length
      ? ' Trending is not known offline; these are the best known instead.'
      : '';
  return {
    intent: intentOf(u),
    understood: u,
    reply: `${intro}${trendingUnknown}${notUnderstood}`,
    films: films.map((entry) => ({
      movieId: entry.film.id,
      title: entry.film.title,
      year: entry.film.year,
      reason: reasonFor(entry, u, scorer, catalog),
    })),
    relax: [],
  };
}
