// Runs in browser, worker and Node. The answer to an understood request: the films that meet its
// hard constraints (genres, people, years, runtime, what to leave out, the watchlist), ranked by
// the person's own model blended with how well each meets the soft ones (similar films, moods,
// themes, the order asked for), a few per director at most, each with a reason that cites the
// request. An empty answer says which constraint emptied it and how many dropping it would give.
import type { AskCatalog } from './ask-catalog';
import type { AskScorer } from './ask-scorer';
import { clean } from './follow-up';
import {
  type AskerState,
  checks,
  filmsWithTheme,
  moodTest,
  placesOf,
  yearsLabel,
} from './answer-checks';
import { rank, spread } from './answer-rank';
import { type AskIntent, type Understood, intentOf } from './understood';

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
const SEPARATOR = ' — ';

const COUNT_WORDS = 'One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve'.split(' ');
/** "Five 1990s comedies", never "5 1990s comedies". */
const countWord = (n: number) => COUNT_WORDS[n - 1] ?? String(n);

/** The places of the catalog's films that pass `test`. */
function placesWhere(catalog: AskCatalog, test: (i: number) => boolean): Int32Array {
  const out = new Int32Array(catalog.films.length);
  let n = 0;
  for (let i = 0; i < out.length; i++) if (test(i)) out[n++] = i;
  return out.subarray(0, n);
}

/** "A 1990s comedy with Tom Hanks — and you liked Big". */
function reasonFor(i: number, u: Understood, scorer: AskScorer, catalog: AskCatalog): string {
  const film = catalog.films[i]!;
  const parts: string[] = [];
  const genres = u.genres?.length ? u.genres : [];
  const moods = (u.moods ?? []).filter((m) => moodTest(catalog, m)(i));
  const themes = (u.tags ?? []).filter((t) => filmsWithTheme(catalog, t)[i] === 1);
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
    if (catalog.creditedFilms(p).includes(i))
      parts.push(p.role === 'director' ? `by ${p.name}` : `with ${p.name}`);
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
  // Never offered: the films asked about or turned down, and what the person rated or hid.
  const leftOut = placesOf(catalog, [...(u.excludeFilms ?? []), ...(u.similarTo ?? [])]);
  const excluded = u.watchlistOnly ? null : placesOf(catalog, person.excluded);
  const isCandidate = (i: number) => leftOut[i] === 0 && (excluded === null || excluded[i] === 0);
  const passing = placesWhere(catalog, (i) => isCandidate(i) && all.every((c) => c.passes(i)));
  // Themes are a filter when enough films have them, and otherwise lift those that do.
  const themeSets = (u.tags ?? []).map((tag) => filmsWithTheme(catalog, tag));
  const themed = themeSets.length
    ? passing.filter((i) => themeSets.every((films) => films[i] === 1))
    : passing;
  const pool = themed.length >= Math.min(count, 3) ? themed : passing;
  // Enough of the best to keep two per director and still fill the answer.
  const films = spread(rank(pool, u, scorer, person, catalog, count * 5), count, u, catalog);
  const notUnderstood = u.notUnderstood?.length
    ? ` I didn't understand ${u.notUnderstood.map((w) => `“${w}”`).join(' or ')}.`
    : '';
  if (films.length === 0) {
    const relax = all
      .map((check) => ({
        field: check.field,
        label: check.label,
        count: placesWhere(
          catalog,
          (i) => isCandidate(i) && all.every((c) => c === check || c.passes(i)),
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
    films: films.map((i) => ({
      movieId: catalog.films[i]!.id,
      title: catalog.films[i]!.title,
      year: catalog.films[i]!.year,
      reason: reasonFor(i, u, scorer, catalog),
    })),
    relax: [],
  };
}

export { type AskerState, runtimeLabel, yearsLabel } from './answer-checks';
