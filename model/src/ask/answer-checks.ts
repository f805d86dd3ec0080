// Runs in browser, worker and Node. The hard constraints of an understood request, each a test of a
// film by its place in the catalog (reading the catalog's columns and per-request masks, never a
// film object: a pass over 62,000 films must stay a few milliseconds), with the words that name it.
import type { AskCatalog } from './ask-catalog';
import { fold } from './ask-text';
import type { AskPerson, Understood } from './understood';
import { MOODS, THEME_WORDS } from './vocabulary';

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

export interface Check {
  field: keyof Understood;
  label: string;
  /** Whether the film at place `i` of the catalog meets it. */
  passes: (i: number) => boolean;
  /** What dropping this constraint changes in the request. */
  drop?: Partial<Understood>;
}

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

/** 1 at the places of the films whose tags or keywords name the theme (a word of them, or one whole). */
export const filmsWithTheme = (catalog: AskCatalog, tag: string): Uint8Array =>
  catalog.memo(`theme:${tag}`, () => {
    const names = THEME_NAMES.get(tag) ?? [folded(tag)];
    const { entries } = catalog;
    const out = new Uint8Array(entries.length);
    for (let i = 0; i < entries.length; i++)
      if (names.some((name) => entries[i]!.themes.includes(` ${name} `))) out[i] = 1;
    return out;
  });

/** Per film, how many of a mood's tags its tags and keywords name. */
export const moodTagHits = (catalog: AskCatalog, mood: string): Uint8Array =>
  catalog.memo(`mood:${mood}`, () => {
    const tags = MOOD_TAGS.get(mood) ?? [];
    const { entries } = catalog;
    const out = new Uint8Array(entries.length);
    for (let i = 0; i < entries.length; i++)
      out[i] = tags.filter((tag) => entries[i]!.themes.includes(` ${tag} `)).length;
    return out;
  });

/** Whether the film at `i` has every one of `genres` (`all`) or any of them. */
function genreTest(catalog: AskCatalog, genres: readonly string[], all: boolean) {
  const { genreBits } = catalog;
  const { genres: bits } = catalog.columns;
  let mask = 0;
  let isMissing = false;
  for (const genre of genres) {
    const bit = genreBits.get(genre);
    if (bit !== undefined) mask |= bit;
    // Every genre has a bit in a catalog of up to 32: one without is in no film.
    else if (genreBits.size < 32) isMissing = true;
    else
      return (i: number) => {
        const has = (g: string) => catalog.films[i]!.genres.includes(g);
        return all ? genres.every(has) : genres.some(has);
      };
  }
  if (all) return isMissing ? () => false : (i: number) => (bits[i]! & mask) === mask;
  return (i: number) => (bits[i]! & mask) !== 0;
}

/** A mood met: one of its genres, or one of its tags. */
export function moodTest(catalog: AskCatalog, mood: string) {
  const hasGenre = genreTest(catalog, MOODS[mood]?.genres ?? [], false);
  const hits = moodTagHits(catalog, mood);
  return (i: number) => hits[i]! > 0 || hasGenre(i);
}

/** A mood left out: its tags, and for a mood of one or two genres, its first genre too. */
function moodPresent(catalog: AskCatalog, mood: string) {
  const genres = MOODS[mood]?.genres ?? [];
  const hasFirst = genres.length <= 2 && genres[0] ? genreTest(catalog, [genres[0]], true) : null;
  const hits = moodTagHits(catalog, mood);
  return (i: number) => hits[i]! > 0 || (hasFirst?.(i) ?? false);
}

/** 1 at the places of the films of `ids` the catalog has. */
export function placesOf(catalog: AskCatalog, ids: Iterable<number>): Uint8Array {
  const out = new Uint8Array(catalog.films.length);
  for (const id of ids) {
    const i = catalog.placeOf(id);
    if (i >= 0) out[i] = 1;
  }
  return out;
}

/** 1 at the places of the films crediting any of `people` in their role. */
function creditedAny(catalog: AskCatalog, people: readonly AskPerson[]): Uint8Array {
  const out = new Uint8Array(catalog.films.length);
  for (const p of people) for (const i of catalog.creditedFilms(p)) out[i] = 1;
  return out;
}

/** The hard constraints of `u`, each with the words that name it. */
export function checks(u: Understood, person: AskerState, catalog: AskCatalog): Check[] {
  const list: Check[] = [];
  const { years, runtimes } = catalog.columns;
  if (u.genres?.length)
    list.push({
      field: 'genres',
      label: u.genres.join(' and ').toLowerCase(),
      passes: genreTest(catalog, u.genres, true),
    });
  if (u.excludeGenres?.length) {
    const hasAny = genreTest(catalog, u.excludeGenres, false);
    list.push({
      field: 'excludeGenres',
      label: `no ${u.excludeGenres.join(' or ').toLowerCase()}`,
      passes: (i) => !hasAny(i),
    });
  }
  if (u.people?.length) {
    // A family ("the Coen brothers") is one credit: any of them; different people: all of them.
    const families = new Map<string, AskPerson[]>();
    for (const p of u.people) {
      const family = `${p.role}:${p.name.split(' ').at(-1)}`;
      families.set(family, [...(families.get(family) ?? []), p]);
    }
    const groups = [...families.values()].map((group) => creditedAny(catalog, group));
    list.push({
      field: 'people',
      label: u.people
        .map((p) => `${p.role === 'director' ? 'directed by' : 'with'} ${p.name}`)
        .join(', '),
      passes: (i) => groups.every((films) => films[i] === 1),
    });
  }
  if (u.excludePeople?.length) {
    const either = u.excludePeople.flatMap((p): AskPerson[] => [
      { name: p.name, role: 'director' },
      { name: p.name, role: 'actor' },
    ]);
    const credited = creditedAny(catalog, either);
    list.push({
      field: 'excludePeople',
      label: `without ${u.excludePeople.map((p) => p.name).join(' or ')}`,
      passes: (i) => credited[i] === 0,
    });
  }
  if (u.yearFrom !== undefined || u.yearTo !== undefined) {
    const [from, to] = [u.yearFrom ?? -Infinity, u.yearTo ?? Infinity];
    list.push({
      field: 'yearFrom',
      drop: { yearFrom: undefined, yearTo: undefined },
      label: yearsLabel(u),
      passes: (i) => years[i] !== 0 && years[i]! >= from && years[i]! <= to,
    });
  }
  if (u.minRuntime !== undefined || u.maxRuntime !== undefined) {
    const [least, most] = [u.minRuntime ?? 0, u.maxRuntime ?? Infinity];
    list.push({
      field: 'maxRuntime',
      drop: { minRuntime: undefined, maxRuntime: undefined },
      label: runtimeLabel(u),
      passes: (i) => runtimes[i] !== 0 && runtimes[i]! >= least && runtimes[i]! <= most,
    });
  }
  for (const mood of u.moods ?? [])
    list.push({
      field: 'moods',
      label: mood,
      passes: moodTest(catalog, mood),
      drop: { moods: u.moods!.filter((m) => m !== mood) },
    });
  if (u.excludeMoods?.length) {
    const present = u.excludeMoods.map((mood) => moodPresent(catalog, mood));
    list.push({
      field: 'excludeMoods',
      label: `nothing ${u.excludeMoods.join(' or ')}`,
      passes: (i) => !present.some((has) => has(i)),
    });
  }
  if (u.excludeTags?.length) {
    const left = u.excludeTags.map((tag) => filmsWithTheme(catalog, tag));
    list.push({
      field: 'excludeTags',
      label: `no ${u.excludeTags.join(' or ')}`,
      passes: (i) => !left.some((films) => films[i] === 1),
    });
  }
  if (u.watchlistOnly) {
    const watchlist = placesOf(catalog, person.watchlist);
    list.push({
      field: 'watchlistOnly',
      label: 'on your watchlist',
      passes: (i) => watchlist[i] === 1,
    });
  }
  if (u.unseenOnly) {
    const seen = placesOf(catalog, person.seen);
    list.push({ field: 'unseenOnly', label: 'not seen yet', passes: (i) => seen[i] === 0 });
  }
  if (u.sort === 'trending' && person.trending?.length) {
    const trending = placesOf(catalog, person.trending);
    list.push({ field: 'sort', label: 'trending', passes: (i) => trending[i] === 1 });
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
