// Runs in browser, worker and Node. The catalog as the request parser looks things up in it: films
// by title (exact, then with typos, the better known first) and people by name (full name,
// surname, or with typos), each person with the role they mostly have in the catalog.
import MiniSearch from 'minisearch';
import { normaliseTitle } from '../imports/title-match';
import type { AskPerson, PersonRole } from './understood';
import { editDistance, fold } from './ask-text';

/** What the parser and the answer need of a catalog film. */
export interface AskFilm {
  id: number;
  title: string;
  alternateTitles: readonly string[];
  year: number | null;
  genres: readonly string[];
  tags: readonly string[];
  ratingCount: number;
  meanRating: number | null;
  runtime?: number;
  directors?: readonly string[];
  cast?: readonly string[];
  keywords?: readonly string[];
  overview?: string;
}

interface PersonEntry {
  name: string;
  folded: string;
  /** The films (their places in the catalog) this person directed, and acted in. */
  directed: number[];
  acted: number[];
}

/** Ratings a film needs before its mean counts fully (shrinks the mean of little-known films). */
const RATING_PRIOR = 10;

/** A film as answers look at it. */
export interface AskEntry {
  film: AskFilm;
  /** Its place in `AskCatalog.entries` (and in `films`). */
  index: number;
  /** Its place in the catalog by how many rated it, 0-1 (1: the most rated). */
  popularity: number;
  /** Its place by mean rating shrunk towards the catalog's, 0-1 (1: the best liked). */
  quality: number;
  /**
   * Its tags and keywords folded into one text, each between spaces and bars
   * (" time travel | mind bending "), for themes and moods to look for words in.
   */
  themes: string;
}

function entriesOf(films: readonly AskFilm[]): AskEntry[] {
  const rated = films.reduce((sum, f) => sum + f.ratingCount, 0);
  const prior =
    films.reduce((sum, f) => sum + (f.meanRating ?? 0) * f.ratingCount, 0) / Math.max(1, rated);
  // A mean shrunk towards the catalog's, so that two 5-star ratings do not make a masterpiece.
  const shrunk = (f: AskFilm) =>
    ((f.meanRating ?? prior) * f.ratingCount + prior * RATING_PRIOR) /
    (f.ratingCount + RATING_PRIOR);
  const placeBy = (value: (f: AskFilm) => number) => {
    const order = films.map((f, i) => ({ i, v: value(f) })).sort((a, b) => a.v - b.v);
    const place = new Float64Array(films.length);
    const scale = Math.max(1, films.length - 1);
    order.forEach(({ i }, rank) => (place[i] = rank / scale));
    return place;
  };
  const popularity = placeBy((f) => f.ratingCount);
  const quality = placeBy(shrunk);
  return films.map((film, i) => ({
    film,
    index: i,
    popularity: popularity[i]!,
    quality: quality[i]!,
    themes: ` ${[...film.tags, ...(film.keywords ?? [])]
      .map((t) =>
        fold(t)
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim(),
      )
      .join(' | ')} `,
  }));
}

const foldName = (name: string) =>
  fold(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Typos allowed in a whole title or name of this many letters. */
const typosIn = (text: string) =>
  text.length < 5 ? 0 : text.length < 9 ? 1 : text.length < 16 ? 2 : 3;

/**
 * Every film's facts that answers filter and rank on, one typed array per fact, by the film's place
 * in the catalog: a pass over 62,000 films reads a few contiguous arrays instead of 62,000 objects.
 */
export interface AskColumns {
  ids: Int32Array;
  /** 0 where unknown. */
  years: Int16Array;
  /** Minutes, 0 where unknown. */
  runtimes: Uint16Array;
  /** A bit per genre (`AskCatalog.genreBits`). */
  genres: Uint32Array;
  popularity: Float32Array;
  quality: Float32Array;
}

function columnsOf(entries: readonly AskEntry[], genreBits: ReadonlyMap<string, number>) {
  const n = entries.length;
  const columns: AskColumns = {
    ids: new Int32Array(n),
    years: new Int16Array(n),
    runtimes: new Uint16Array(n),
    genres: new Uint32Array(n),
    popularity: new Float32Array(n),
    quality: new Float32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const { film, popularity, quality } = entries[i]!;
    columns.ids[i] = film.id;
    columns.years[i] = film.year ?? 0;
    columns.runtimes[i] = Math.min(65_535, Math.max(0, Math.round(film.runtime ?? 0)));
    let bits = 0;
    for (const genre of film.genres) bits |= genreBits.get(genre) ?? 0;
    columns.genres[i] = bits;
    columns.popularity[i] = popularity;
    columns.quality[i] = quality;
  }
  return columns;
}

export class AskCatalog {
  readonly films: readonly AskFilm[];
  readonly byId: ReadonlyMap<number, AskFilm>;
  private readonly places: ReadonlyMap<number, number>;
  /** The newest year in the catalog: "recent" is counted back from it. */
  readonly latestYear: number;
  private readonly byTitle = new Map<string, AskFilm[]>();
  private readonly titleSearch: MiniSearch<{ id: number; text: string; film: number }>;
  private readonly people = new Map<string, PersonEntry>();
  private readonly bySurname = new Map<string, PersonEntry[]>();
  private readonly personSearch: MiniSearch<{ id: number; text: string }>;
  private readonly personList: PersonEntry[] = [];
  /** Every film with what answers look at, worked out once: filters and ranks run over these. */
  readonly entries: readonly AskEntry[];
  readonly columns: AskColumns;
  /** A bit per genre, for the first 32 genres of the catalog (MovieLens has 20). */
  readonly genreBits: ReadonlyMap<string, number>;
  private readonly memos = new Map<string, unknown>();

  constructor(films: readonly AskFilm[]) {
    this.films = films;
    this.byId = new Map(films.map((f) => [f.id, f]));
    this.places = new Map(films.map((f, i) => [f.id, i]));
    this.latestYear = Math.max(1900, ...films.map((f) => f.year ?? 0));
    const titles: { id: number; text: string; film: number }[] = [];
    const genreBits = new Map<string, number>();
    for (const [i, film] of films.entries()) {
      for (const genre of film.genres)
        if (!genreBits.has(genre) && genreBits.size < 32) genreBits.set(genre, 1 << genreBits.size);
      for (const title of [film.title, ...film.alternateTitles]) {
        const key = normaliseTitle(title);
        if (!key) continue;
        const list = this.byTitle.get(key) ?? [];
        if (!list.includes(film)) list.push(film);
        this.byTitle.set(key, list);
        titles.push({ id: titles.length, text: key, film: film.id });
      }
      for (const name of new Set(film.directors)) this.person(name).directed.push(i);
      for (const name of new Set(film.cast)) this.person(name).acted.push(i);
    }
    for (const list of this.byTitle.values()) list.sort((a, b) => b.ratingCount - a.ratingCount);
    this.entries = entriesOf(films);
    this.genreBits = genreBits;
    this.columns = columnsOf(this.entries, genreBits);
    this.titleSearch = new MiniSearch({ fields: ['text'], storeFields: ['text', 'film'] });
    this.titleSearch.addAll(titles);
    this.personSearch = new MiniSearch({ fields: ['text'] });
    this.personSearch.addAll(this.personList.map((p, id) => ({ id, text: p.folded })));
  }

  /** The place of a film in `films` and `entries`, -1 for a film the catalog lacks. */
  placeOf(movieId: number): number {
    return this.places.get(movieId) ?? -1;
  }

  /** The films (places in the catalog) crediting `person` in their role. */
  creditedFilms(person: AskPerson): readonly number[] {
    const entry = this.people.get(foldName(person.name));
    return (person.role === 'director' ? entry?.directed : entry?.acted) ?? [];
  }

  /** `compute()` the first time `key` is asked for, and the same value after (per catalog). */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  private person(name: string): PersonEntry {
    const folded = foldName(name);
    let entry = this.people.get(folded);
    if (!entry) {
      entry = { name, folded, directed: [], acted: [] };
      this.people.set(folded, entry);
      this.personList.push(entry);
      // By the last word and the last two ("nolan", "de niro", "del toro").
      const words = folded.split(' ');
      for (const surname of new Set([words.at(-1)!, words.slice(-2).join(' ')])) {
        const list = this.bySurname.get(surname) ?? [];
        list.push(entry);
        this.bySurname.set(surname, list);
      }
    }
    return entry;
  }

  /**
   * The film `words` names: an exact title (or "title year"), else the best-known title within a
   * few typos. Null when nothing is close enough.
   */
  findFilm(words: string): { film: AskFilm; isExact: boolean } | null {
    const withYear = /^(.*\S) (\d{4})$/.exec(words);
    if (withYear) {
      const exact = this.byTitle
        .get(normaliseTitle(withYear[1]!))
        ?.find((f) => f.year === Number(withYear[2]));
      if (exact) return { film: exact, isExact: true };
    }
    const key = normaliseTitle(words);
    if (!key) return null;
    const exact = this.byTitle.get(key)?.[0];
    if (exact) return { film: exact, isExact: true };
    if (key.length < 4) return null;
    let best: { film: AskFilm; distance: number } | null = null;
    for (const hit of this.titleSearch
      .search(key, { fuzzy: 0.34, prefix: false, combineWith: 'AND' })
      .slice(0, 40)) {
      const distance = editDistance(key, hit.text as string, typosIn(key));
      if (distance > typosIn(key)) continue;
      const film = this.byId.get(hit.film as number)!;
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance && film.ratingCount > best.film.ratingCount)
      )
        best = { film, distance };
    }
    return best ? { film: best.film, isExact: false } : null;
  }

  /**
   * The person `words` names, as credited: a full name (with a few typos), or a surname alone when
   * one person of that surname is clearly the best known. `role` says how they were asked for;
   * without it, the role they mostly have.
   */
  findPerson(words: string, role?: PersonRole): AskPerson | null {
    const entry = this.personEntry(words, role);
    if (!entry) return null;
    return {
      name: entry.name,
      role: role ?? (entry.directed.length >= entry.acted.length ? 'director' : 'actor'),
    };
  }

  /** Everyone of surname `surname` credited in `role` ("the Coen brothers"), best known first. */
  findFamily(surname: string, role: PersonRole): AskPerson[] {
    const credits = (p: PersonEntry) => (role === 'director' ? p.directed : p.acted).length;
    return (this.bySurname.get(surname) ?? [])
      .filter((p) => credits(p) > 0)
      .sort((a, b) => credits(b) - credits(a))
      .map((p) => ({ name: p.name, role }));
  }

  private personEntry(words: string, role?: PersonRole): PersonEntry | null {
    const weight = (p: PersonEntry) =>
      role === 'director'
        ? p.directed.length
        : role === 'actor'
          ? p.acted.length
          : p.directed.length + p.acted.length;
    const exact = this.people.get(words);
    if (exact) return exact;
    const bySurname = (surname: string) => {
      const named = (this.bySurname.get(surname) ?? []).filter((p) => weight(p) > 0);
      named.sort((a, b) => weight(b) - weight(a));
      // "Nolan" is Christopher Nolan only if no other Nolan comes close.
      if (named.length === 1 || (named.length > 1 && weight(named[0]!) >= 2 * weight(named[1]!)))
        return named[0]!;
      return null;
    };
    const surname = bySurname(words);
    if (surname || this.bySurname.has(words)) return surname;
    if (!words.includes(' ') && role) {
      // A surname with a typo, where a role says a person is meant ("directed by spielburg"):
      // the closest one, if only one is that close.
      const allowed = words.length < 6 ? 0 : words.length < 10 ? 1 : 2;
      if (allowed === 0) return null;
      const close = [...this.bySurname.keys()].filter(
        (known) => !known.includes(' ') && editDistance(words, known, allowed) <= allowed,
      );
      return close.length === 1 ? bySurname(close[0]!) : null;
    }
    let best: { person: PersonEntry; distance: number } | null = null;
    for (const hit of this.personSearch
      .search(words, { fuzzy: 0.3, combineWith: 'AND' })
      .slice(0, 30)) {
      const person = this.personList[hit.id as number]!;
      const distance = editDistance(words, person.folded, typosIn(words));
      if (distance > typosIn(words)) continue;
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance && weight(person) > weight(best.person))
      )
        best = { person, distance };
    }
    return best?.person ?? null;
  }
}
