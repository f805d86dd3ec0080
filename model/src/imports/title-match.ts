// Runs in browser, worker and Node. Which catalog film an imported row means. By IMDb or TMDB id
// when the file has one (exact); otherwise by normalised title (accents, case, punctuation,
// articles in front or behind, "&" and "and", roman numerals) and year, a year off by one only
// when nothing matches exactly, features before shorts. Every row ends matched (with how sure),
// ambiguous (with the candidates, best first) or unmatched (with the reason).
import type { ImportedFilm } from './import-types';

export interface MatchableFilm {
  id: number;
  title: string;
  alternateTitles: readonly string[];
  year: number | null;
  imdbId: string | null;
  tmdbId: number | null;
  ratingCount: number;
  runtime?: number;
}

export type MatchHow =
  'imdb' | 'tmdb' | 'title and year' | 'year off by one' | 'title' | 'main title';

export type MatchOutcome =
  | { status: 'matched'; movieId: number; how: MatchHow; confidence: number }
  | { status: 'ambiguous'; candidates: number[] }
  | { status: 'unmatched'; reason: string };

const ARTICLES = /^(the|a|an|le|la|les|l|el|los|las|il|lo|gli|der|die|das|den|det|het|un|une)\s+/;
const TRAILING_ARTICLE =
  /,\s*(the|a|an|le|la|les|l'|el|los|las|il|lo|gli|der|die|das|den|det|het|un|une)$/i;
const ROMAN: Record<string, string> = {
  ii: '2',
  iii: '3',
  iv: '4',
  v: '5',
  vi: '6',
  vii: '7',
  viii: '8',
  ix: '9',
  x: '10',
};
/** A film this long or longer is a feature (minutes). */
const FEATURE_MINUTES = 40;

/**
 * A title reduced to what identifies it: "Matrix, The" and "The Matrix" are both "matrix";
 * "Amélie" is "amelie"; "Rocky II" is "rocky 2".
 */
export function normaliseTitle(title: string): string {
  let text = title.trim();
  const trailing = TRAILING_ARTICLE.exec(text);
  if (trailing) text = `${trailing[1]} ${text.slice(0, trailing.index)}`;
  text = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(ARTICLES, '');
  return text
    .split(' ')
    .map((word) => ROMAN[word] ?? word)
    .join(' ');
}

/** Whether the file says the title is a short ("short", "tvShort"). */
const wantsShort = (film: ImportedFilm) => film.kind !== null && /short/.test(film.kind);

/** The part of a title before its subtitle ("Star Wars: Episode IV" → "star wars", "Dr. Strangelove or: How I…" → "dr strangelove"). */
const mainTitle = (title: string) => normaliseTitle(title.split(/(?:,?\s+or)?:\s|\s[-–]\s/i)[0]!);

export class FilmMatcher {
  private readonly byImdb = new Map<string, MatchableFilm>();
  private readonly byTmdb = new Map<number, MatchableFilm>();
  private readonly byTitle = new Map<string, MatchableFilm[]>();
  private readonly byMainTitle = new Map<string, MatchableFilm[]>();

  constructor(films: Iterable<MatchableFilm>) {
    const add = (index: Map<string, MatchableFilm[]>, key: string, film: MatchableFilm) => {
      if (!key) return;
      const list = index.get(key);
      if (!list) index.set(key, [film]);
      else if (!list.includes(film)) list.push(film);
    };
    for (const film of films) {
      if (film.imdbId) this.byImdb.set(film.imdbId, film);
      if (film.tmdbId) this.byTmdb.set(film.tmdbId, film);
      for (const title of [film.title, ...film.alternateTitles]) {
        add(this.byTitle, normaliseTitle(title), film);
        add(this.byMainTitle, mainTitle(title), film);
      }
    }
  }

  match(film: ImportedFilm): MatchOutcome {
    const byImdb = film.imdbId ? this.byImdb.get(film.imdbId) : undefined;
    if (byImdb) return { status: 'matched', movieId: byImdb.id, how: 'imdb', confidence: 1 };
    const byTmdb = film.tmdbId ? this.byTmdb.get(film.tmdbId) : undefined;
    if (byTmdb) return { status: 'matched', movieId: byTmdb.id, how: 'tmdb', confidence: 1 };
    // An id the catalog does not know: the title may still find it, but less surely.
    const doubt = film.imdbId || film.tmdbId ? 0.2 : 0;

    const named = new Set<MatchableFilm>();
    for (const title of [film.title, ...film.otherTitles])
      for (const candidate of this.byTitle.get(normaliseTitle(title)) ?? []) named.add(candidate);
    const byTitle = this.choose([...named], film, doubt);
    if (byTitle) return byTitle;

    // Letterboxd writes "Star Wars" where the catalog has "Star Wars: Episode IV - A New Hope".
    const sameMain = (this.byMainTitle.get(mainTitle(film.title)) ?? []).filter(
      (c) => film.year !== null && c.year === film.year,
    );
    if (sameMain.length === 1)
      return {
        status: 'matched',
        movieId: sameMain[0]!.id,
        how: 'main title',
        confidence: 0.6 - doubt,
      };
    if (sameMain.length > 1) return { status: 'ambiguous', candidates: this.rank(sameMain, film) };

    if (named.size === 0)
      return { status: 'unmatched', reason: `No film called “${film.title}” in the catalog.` };
    const years = [...new Set([...named].map((c) => c.year ?? '?'))].sort().join(', ');
    return {
      status: 'unmatched',
      reason: `“${film.title}” is in the catalog from ${years}, not ${film.year ?? 'an unknown year'}.`,
    };
  }

  /** From the films of that title: the one of that year, or the one a year off, or none. */
  private choose(named: MatchableFilm[], film: ImportedFilm, doubt: number): MatchOutcome | null {
    if (named.length === 0) return null;
    if (film.year === null) {
      if (named.length === 1)
        return { status: 'matched', movieId: named[0]!.id, how: 'title', confidence: 0.7 - doubt };
      return { status: 'ambiguous', candidates: this.rank(named, film) };
    }
    for (const [candidates, how, confidence] of [
      [named.filter((c) => c.year === film.year), 'title and year', 1],
      [
        named.filter((c) => c.year !== null && Math.abs(c.year - film.year!) === 1),
        'year off by one',
        0.8,
      ],
    ] as const) {
      if (candidates.length === 0) continue;
      const ranked = this.rank(candidates, film);
      const [best, next] = ranked.map((id) => candidates.find((c) => c.id === id)!);
      if (!next || this.isClearlyMeant(best!, next, film))
        return {
          status: 'matched',
          movieId: best!.id,
          how,
          confidence: (next ? 0.9 : 1) * confidence - doubt,
        };
      return { status: 'ambiguous', candidates: ranked };
    }
    return null;
  }

  /** Best first: the right length for what the file says it is, then the most rated. */
  private rank(candidates: readonly MatchableFilm[], film: ImportedFilm): number[] {
    const wantsShort = film.kind !== null && /short/.test(film.kind);
    const fits = (c: MatchableFilm) =>
      c.runtime === undefined ? 0.5 : c.runtime >= FEATURE_MINUTES !== wantsShort ? 1 : 0;
    return [...candidates]
      .sort((a, b) => fits(b) - fits(a) || b.ratingCount - a.ratingCount || a.id - b.id)
      .map((c) => c.id);
  }

  /** Two films of one title and year: the first is meant when only it is the right length. */
  private isClearlyMeant(best: MatchableFilm, next: MatchableFilm, film: ImportedFilm) {
    const isFeature = (c: MatchableFilm) => c.runtime !== undefined && c.runtime >= FEATURE_MINUTES;
    return (
      best.runtime !== undefined &&
      next.runtime !== undefined &&
      isFeature(best) !== wantsShort(film) &&
      isFeature(next) === wantsShort(film)
    );
  }
}
