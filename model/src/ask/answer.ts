// Runs in browser, worker and Node. The answer to an understood request: the films that meet its
// hard constraints (genres, people, years, runtime, what to leave out, the watchlist), ranked by
// the person's own model blended with how well each meets the soft ones (similar films, moods,
// themes, the order asked for), a few per director at most, each with a reason that cites the
// request. An empty answer says which constraint emptied it and how many dropping it would give.
import type { AskCatalog, AskFilm } from './ask-catalog';
import { fold } from './ask-text';
import { clean } from './follow-up';
import { type AskIntent, type Understood, intentOf } from './understood';
import { MOODS, THEME_WORDS } from './vocabulary';

/** What the answer needs from a model: the person's scores, and how alike two films are. */
export interface AskScorer {
  /** The person's score for a film (higher is better), undefined where the model lacks it. */
  personal(movieId: number): number | undefined;
  /** How alike two films are (higher is more alike), undefined where unknown. */
  similarity(movieId: number, to: number): number | undefined;
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

export const DEFAULT_COUNT = 10;
/** Films of one director in one answer at most, unless the request names the director. */
const PER_DIRECTOR = 2;
/** Ratings a film needs before its mean counts fully (shrinks the mean of little-known films). */
const RATING_PRIOR = 10;

const SEPARATOR = ' — ';

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

/** Whether a film's tags or keywords name the theme (a word of them, or the whole of one). */
const hasTheme = (catalog: AskCatalog, film: AskFilm, tag: string) => {
  const text = catalog.themesOf(film);
  return (THEME_NAMES.get(tag) ?? [folded(tag)]).some((name) => text.includes(` ${name} `));
};

const moodHits = (catalog: AskCatalog, film: AskFilm, mood: string) => {
  const text = catalog.themesOf(film);
  return (MOOD_TAGS.get(mood) ?? []).filter((tag) => text.includes(` ${tag} `)).length;
};

const fitsMood = (catalog: AskCatalog, film: AskFilm, mood: string) =>
  (MOODS[mood]?.genres ?? []).some((g) => film.genres.includes(g)) ||
  moodHits(catalog, film, mood) > 0;

/** A mood left out: its tags, and for a mood of one or two genres, its first genre too. */
function hasMood(catalog: AskCatalog, film: AskFilm, mood: string): boolean {
  const genres = MOODS[mood]?.genres ?? [];
  return (
    moodHits(catalog, film, mood) > 0 || (genres.length <= 2 && film.genres.includes(genres[0]!))
  );
}

const credited = (film: AskFilm, person: { name: string; role: string }) =>
  (person.role === 'director' ? film.directors : film.cast)?.includes(person.name) ?? false;

type Check = {
  field: keyof Understood;
  label: string;
  passes: (film: AskFilm) => boolean;
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
      passes: (f) => u.genres!.every((g) => f.genres.includes(g)),
    });
  if (u.excludeGenres?.length)
    list.push({
      field: 'excludeGenres',
      label: `no ${u.excludeGenres.join(' or ').toLowerCase()}`,
      passes: (f) => !u.excludeGenres!.some((g) => f.genres.includes(g)),
    });
  if (u.people?.length) {
    // A family ("the Coen brothers") is one credit: any of them; different people: all of them.
    const byName = u.people;
    list.push({
      field: 'people',
      label: byName
        .map((p) => `${p.role === 'director' ? 'directed by' : 'with'} ${p.name}`)
        .join(', '),
      passes: (f) => {
        const families = new Map<string, boolean>();
        for (const p of byName) {
          const family = `${p.role}:${p.name.split(' ').at(-1)}`;
          families.set(family, (families.get(family) ?? false) || credited(f, p));
        }
        return [...families.values()].every(Boolean);
      },
    });
  }
  if (u.excludePeople?.length)
    list.push({
      field: 'excludePeople',
      label: `without ${u.excludePeople.map((p) => p.name).join(' or ')}`,
      passes: (f) =>
        !u.excludePeople!.some((p) => f.directors?.includes(p.name) || f.cast?.includes(p.name)),
    });
  if (u.yearFrom !== undefined || u.yearTo !== undefined)
    list.push({
      field: 'yearFrom',
      drop: { yearFrom: undefined, yearTo: undefined },
      label: yearsLabel(u),
      passes: (f) =>
        f.year !== null && f.year >= (u.yearFrom ?? -Infinity) && f.year <= (u.yearTo ?? Infinity),
    });
  if (u.minRuntime !== undefined || u.maxRuntime !== undefined)
    list.push({
      field: 'maxRuntime',
      drop: { minRuntime: undefined, maxRuntime: undefined },
      label: runtimeLabel(u),
      passes: (f) =>
        f.runtime !== undefined &&
        f.runtime >= (u.minRuntime ?? 0) &&
        f.runtime <= (u.maxRuntime ?? Infinity),
    });
  for (const mood of u.moods ?? [])
    list.push({
      field: 'moods',
      label: mood,
      passes: (f) => fitsMood(catalog, f, mood),
      drop: { moods: u.moods!.filter((m) => m !== mood) },
    });
  if (u.excludeMoods?.length)
    list.push({
      field: 'excludeMoods',
      label: `nothing ${u.excludeMoods.join(' or ')}`,
      passes: (f) => !u.excludeMoods!.some((m) => hasMood(catalog, f, m)),
    });
  if (u.excludeTags?.length)
    list.push({
      field: 'excludeTags',
      label: `no ${u.excludeTags.join(' or ')}`,
      passes: (f) => !u.excludeTags!.some((t) => hasTheme(catalog, f, t)),
    });
  if (u.watchlistOnly)
    list.push({
      field: 'watchlistOnly',
      label: 'on your watchlist',
      passes: (f) => person.watchlist.has(f.id),
    });
  if (u.unseenOnly)
    list.push({
      field: 'unseenOnly',
      label: 'not seen yet',
      passes: (f) => !person.seen.has(f.id),
    });
  if (u.sort === 'trending' && person.trending?.length) {
    const trending = new Set(person.trending);
    list.push({ field: 'sort', label: 'trending', passes: (f) => trending.has(f.id) });
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

/** Ranks of `values` scaled to 0-1, ties sharing their mean rank; undefined ranks lowest. */
function percentiles(values: (number | undefined)[]): number[] {
  const order = values
    .map((value, i) => ({ value: value ?? -Infinity, i }))
    .sort((a, b) => a.value - b.value);
  const out = new Array<number>(values.length).fill(1);
  const scale = Math.max(1, values.length - 1);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    for (let r = start; r <= end; r++) out[order[r]!.i] = (start + end) / 2 / scale;
    start = end + 1;
  }
  return out;
}

/** The mean shrunk towards the catalog's, so that two 5-star ratings do not make a masterpiece. */
const shrunkMean = (film: AskFilm, prior: number) =>
  ((film.meanRating ?? prior) * film.ratingCount + prior * RATING_PRIOR) /
  (film.ratingCount + RATING_PRIOR);

function rank(
  films: AskFilm[],
  u: Understood,
  scorer: AskScorer,
  person: AskerState,
  catalog: AskCatalog,
): AskFilm[] {
  const prior =
    catalog.films.reduce((s, f) => s + (f.meanRating ?? 0) * f.ratingCount, 0) /
    Math.max(
      1,
      catalog.films.reduce((s, f) => s + f.ratingCount, 0),
    );
  const personal = percentiles(films.map((f) => scorer.personal(f.id)));
  const popularity = percentiles(films.map((f) => Math.log1p(f.ratingCount)));
  const quality = percentiles(films.map((f) => shrunkMean(f, prior)));
  const similar = u.similarTo?.length
    ? percentiles(
        films.map((f) => {
          const values = u.similarTo!.map((to) => scorer.similarity(f.id, to));
          const known = values.filter((v): v is number => v !== undefined);
          return known.length ? Math.max(...known) : undefined;
        }),
      )
    : null;
  const trendingAt = new Map((person.trending ?? []).map((id, i) => [id, i]));
  const score = films.map((film, i) => {
    let s = personal[i]!;
    if (similar) s = 0.35 * s + 0.65 * similar[i]!;
    let soft = 0;
    for (const mood of u.moods ?? []) {
      // The mood's first genre is what it mostly means: "scary" is horror before thrillers.
      if (film.genres.includes(MOODS[mood]?.genres[0] ?? '')) soft += 0.4;
      soft += Math.min(2, moodHits(catalog, film, mood)) * 0.08;
    }
    for (const tag of u.tags ?? []) if (hasTheme(catalog, film, tag)) soft += 0.3;
    s += soft;
    if (u.sort === 'rating') s = 0.4 * s + 0.6 * quality[i]!;
    else if (u.sort === 'popular' || (u.sort === 'trending' && !trendingAt.size))
      s = 0.4 * s + 0.6 * popularity[i]!;
    else if (u.sort === 'hidden') s = 0.4 * s + 0.6 * quality[i]! * (1 - popularity[i]!) * 2;
    else if (u.sort === 'trending' && trendingAt.size)
      s = 1 - (trendingAt.get(film.id) ?? 1e6) / 1e3 + 0.01 * s;
    return s;
  });
  const order = films.map((_, i) => i);
  if (u.sort === 'newest' || u.sort === 'oldest') {
    const sign = u.sort === 'newest' ? -1 : 1;
    order.sort(
      (a, b) => sign * ((films[a]!.year ?? 0) - (films[b]!.year ?? 0)) || score[b]! - score[a]!,
    );
  } else order.sort((a, b) => score[b]! - score[a]!);
  return order.map((i) => films[i]!);
}

/** The top `count`, at most PER_DIRECTOR per director unless the request names directors. */
function spread(films: AskFilm[], count: number, u: Understood): AskFilm[] {
  if (u.people?.some((p) => p.role === 'director')) return films.slice(0, count);
  const picked: AskFilm[] = [];
  const later: AskFilm[] = [];
  const perDirector = new Map<string, number>();
  for (const film of films) {
    if (picked.length === count) break;
    const director = film.directors?.[0];
    const n = director ? (perDirector.get(director) ?? 0) : 0;
    if (director && n >= PER_DIRECTOR) {
      later.push(film);
      continue;
    }
    if (director) perDirector.set(director, n + 1);
    picked.push(film);
  }
  return [...picked, ...later].slice(0, count);
}

/** "A 1990s comedy with Tom Hanks — and you liked Big". */
function reasonFor(film: AskFilm, u: Understood, scorer: AskScorer, catalog: AskCatalog): string {
  const parts: string[] = [];
  const genres = u.genres?.length ? u.genres : [];
  const moods = (u.moods ?? []).filter((m) => fitsMood(catalog, film, m));
  const themes = (u.tags ?? []).filter((t) => hasTheme(catalog, film, t));
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
  const candidates = catalog.films.filter(
    (f) => !leftOut.has(f.id) && (u.watchlistOnly || !person.excluded.has(f.id)),
  );
  const passing = candidates.filter((f) => all.every((c) => c.passes(f)));
  // Themes are a filter when enough films have them, and otherwise lift those that do.
  const themed = u.tags?.length
    ? passing.filter((f) => u.tags!.every((t) => hasTheme(catalog, f, t)))
    : passing;
  const pool = themed.length >= Math.min(count, 3) ? themed : passing;
  const films = spread(rank(pool, u, scorer, person, catalog), count, u);
  const notUnderstood = u.notUnderstood?.length
    ? ` I didn't understand ${u.notUnderstood.map((w) => `“${w}”`).join(' or ')}.`
    : '';
  if (films.length === 0) {
    const relax = all
      .map((check) => ({
        field: check.field,
        label: check.label,
        count: candidates.filter((f) => all.every((c) => c === check || c.passes(f))).length,
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
    ? `${films.length === 1 ? 'One' : films.length} ${describe(u)}${u.people?.length ? ` ${all.find((c) => c.field === 'people')!.label}` : ''}${u.similarTo?.length ? ` like ${u.similarTo.map((id) => catalog.byId.get(id)?.title).join(' and ')}` : ''}, ranked for you.`
    : 'Films ranked for you.';
  const trendingUnknown =
    u.sort === 'trending' && !person.trending?.length
      ? ' Trending is not known offline; these are the best known instead.'
      : '';
  return {
    intent: intentOf(u),
    understood: u,
    reply: `${intro}${trendingUnknown}${notUnderstood}`,
    films: films.map((f) => ({
      movieId: f.id,
      title: f.title,
      year: f.year,
      reason: reasonFor(f, u, scorer, catalog),
    })),
    relax: [],
  };
}
