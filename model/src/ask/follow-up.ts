// Runs in browser, worker and Node. A message after an answer either refines the conversation
// ("older", "something lighter", "without Tom Hanks", "more like the second one", "others") or
// starts a new request ("horror from the 80s"). A refinement keeps what came before and changes
// only what the message names; a new kind of value replaces the old one of its kind ("from the
// 80s" replaces "90s"), unless the message adds ("and", "also", "with").
import type { Parsed } from './parse-request';
import { type AskContext, type Understood, UNDERSTOOD_LIMITS } from './understood';
import { MOODS } from './vocabulary';

/**
 * Words that only mean something against what came before: a year or runtime for "older"
 * against a film asked about, `true` against the conversation.
 */
export interface Relative {
  older?: number | true;
  newer?: number | true;
  shorter?: number | true;
  longer?: number | true;
  /** "others", "more": the same request, without the films already shown. */
  more?: boolean;
  /** A mood said as a comparison ("lighter", "funnier"). */
  comparative?: boolean;
}

/** A decade back or forward when the conversation has no year yet. */
const DEFAULT_OLDER_THAN = 1990;
const DEFAULT_NEWER_THAN = 1999;

const isRelative = (r: Relative) =>
  r.older !== undefined ||
  r.newer !== undefined ||
  r.shorter !== undefined ||
  r.longer !== undefined ||
  r.more === true ||
  r.comparative === true;

/** Fields a whole new request names. */
const CORE = ['genres', 'people', 'similarTo', 'moods', 'tags'] as const;

/**
 * Whether `parsed` refines the conversation rather than starting anew. A question about one film,
 * "what's trending", a message that says so ("new search") and a whole request ("90s comedies
 * with Tom Hanks": a head word and something to look for) start anew; anything that connects
 * ("but", "and", "instead"), compares ("lighter", "older"), points back ("the second one",
 * "others") or is a fragment ("romantic ones", "from the 80s") refines. (The chips show what was
 * kept, and each can be removed.)
 */
export function isFollowUp(parsed: Parsed): boolean {
  const u = parsed.understood;
  if (u.info || parsed.isNew) return false;
  if (parsed.connective !== null || isRelative(parsed.relative)) return true;
  if (u.sort === 'trending') return false;
  return !(parsed.isComplete && CORE.some((key) => u[key]?.length));
}

const without = <T>(list: T[] | undefined, drop: (item: T) => boolean): T[] | undefined => {
  const kept = list?.filter((item) => !drop(item));
  return kept?.length ? kept : undefined;
};

const union = <T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined => {
  const all = [...(a ?? [])];
  for (const item of b ?? [])
    if (!all.some((x) => JSON.stringify(x) === JSON.stringify(item))) all.push(item);
  return all.length ? all : undefined;
};

/** The conversation so far refined by `parsed`, or `parsed` alone when it starts anew. */
export function refine(context: AskContext, parsed: Parsed): Understood {
  if (!isFollowUp(parsed)) return resolveAlone(parsed);
  const before: Understood = { ...context.understood };
  delete before.notUnderstood;
  delete before.info;
  const next = parsed.understood;
  const replaces = parsed.connective === 'replace';
  const out: Understood = { ...before };
  const listed = <K extends keyof Understood>(key: K, isAdded: boolean) => {
    const value = next[key] as unknown[] | undefined;
    if (!value?.length) return;
    (out as Record<string, unknown>)[key] = isAdded
      ? union(before[key] as unknown[], value)
      : value;
  };

  // Genres, people and themes narrow what came before, unless the message replaces them.
  listed('genres', !replaces);
  listed('people', !replaces);
  listed('tags', !replaces);
  listed('similarTo', false);
  if (next.moods?.length) {
    // A mood changes the mood ("lighter" after "scary"), unless it is added ("and funny"), and
    // then never beside its opposite.
    const opposites = new Set(next.moods.map((m) => MOODS[m]?.opposite));
    out.moods =
      parsed.connective === 'add'
        ? union(
            without(before.moods, (m) => opposites.has(m)),
            next.moods,
          )
        : next.moods;
  }
  for (const [key, kept] of [
    ['excludeGenres', 'genres'],
    ['excludeMoods', 'moods'],
    ['excludeTags', 'tags'],
  ] as const) {
    const excluded = next[key];
    if (!excluded?.length) continue;
    out[key] = union(before[key], excluded);
    out[kept] = without(out[kept], (item) => excluded.includes(item));
  }
  if (next.excludePeople?.length) {
    out.excludePeople = union(before.excludePeople, next.excludePeople);
    const names = new Set(next.excludePeople.map((p) => p.name));
    out.people = without(out.people, (p) => names.has(p.name));
  }
  out.excludeFilms = union(before.excludeFilms, next.excludeFilms);
  if (parsed.relative.more) out.excludeFilms = union(out.excludeFilms, context.shown);

  if (next.yearFrom !== undefined || next.yearTo !== undefined) {
    out.yearFrom = next.yearFrom;
    out.yearTo = next.yearTo;
  }
  if (next.minRuntime !== undefined || next.maxRuntime !== undefined) {
    out.minRuntime = next.minRuntime;
    out.maxRuntime = next.maxRuntime;
  }
  for (const key of ['sort', 'count', 'watchlistOnly', 'unseenOnly'] as const)
    if (next[key] !== undefined) (out as Record<string, unknown>)[key] = next[key];

  const r = parsed.relative;
  if (r.older !== undefined) {
    const anchor =
      typeof r.older === 'number'
        ? r.older
        : (before.yearFrom ??
          (before.yearTo !== undefined ? before.yearTo - 9 : DEFAULT_OLDER_THAN));
    out.yearTo = anchor - 1;
    out.yearFrom = undefined;
  }
  if (r.newer !== undefined) {
    const anchor =
      typeof r.newer === 'number'
        ? r.newer
        : (before.yearTo ??
          (before.yearFrom !== undefined ? before.yearFrom + 9 : DEFAULT_NEWER_THAN));
    out.yearFrom = anchor + 1;
    out.yearTo = undefined;
  }
  if (r.shorter !== undefined) {
    out.maxRuntime =
      typeof r.shorter === 'number'
        ? r.shorter - 1
        : before.maxRuntime !== undefined
          ? before.maxRuntime - 20
          : 100;
    out.minRuntime = undefined;
  }
  if (r.longer !== undefined) {
    out.minRuntime =
      typeof r.longer === 'number'
        ? r.longer + 1
        : before.minRuntime !== undefined
          ? before.minRuntime + 20
          : 130;
    out.maxRuntime = undefined;
  }
  if (next.notUnderstood) out.notUnderstood = next.notUnderstood;
  return clean(out);
}

/** A request on its own: relative words resolve against the film asked about, or a default. */
export function resolveAlone(parsed: Parsed): Understood {
  const u = { ...parsed.understood };
  const r = parsed.relative;
  if (r.older !== undefined)
    u.yearTo = (typeof r.older === 'number' ? r.older : DEFAULT_OLDER_THAN) - 1;
  if (r.newer !== undefined)
    u.yearFrom = (typeof r.newer === 'number' ? r.newer : DEFAULT_NEWER_THAN) + 1;
  if (r.shorter !== undefined) u.maxRuntime = typeof r.shorter === 'number' ? r.shorter - 1 : 100;
  if (r.longer !== undefined) u.minRuntime = typeof r.longer === 'number' ? r.longer + 1 : 130;
  return clean(u);
}

/**
 * Drops absent and empty fields, so that two equal requests compare equal, and keeps each list to
 * its limit (the first ones said), so that what is understood is always a valid request.
 */
export function clean(u: Understood): Understood {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(u)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const limit = UNDERSTOOD_LIMITS[key as keyof typeof UNDERSTOOD_LIMITS];
    out[key] = Array.isArray(value) && limit !== undefined ? value.slice(0, limit) : value;
  }
  return out as Understood;
}
