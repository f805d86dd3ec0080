// Runs in browser, worker and Node. What Filmfold understood from a request in words: the
// structured form the parser makes, the conversation refines, the chips show and the answer uses.
// An absent field is no constraint.
import { z } from 'zod';
import { genreSchema } from '../schemas/movie';

export const PERSON_ROLES = ['actor', 'director'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const personSchema = z.object({
  name: z.string().min(1).max(200),
  role: z.enum(PERSON_ROLES),
});
export type AskPerson = z.infer<typeof personSchema>;

/** Orders an answer can take beside the person's own model. */
export const ASK_SORTS = ['trending', 'rating', 'popular', 'hidden', 'newest', 'oldest'] as const;
export type AskSort = (typeof ASK_SORTS)[number];

/** Questions about one film rather than requests for films. */
export const INFO_KINDS = ['about', 'director', 'cast', 'year', 'runtime', 'providers'] as const;
export type InfoKind = (typeof INFO_KINDS)[number];

const year = z.number().int().min(1870).max(2100);
const minutes = z.number().int().min(1).max(1000);

/** How long each list of a request may be: the parser keeps to these, the API checks them. */
export const UNDERSTOOD_LIMITS = {
  genres: 20,
  excludeGenres: 20,
  people: 10,
  excludePeople: 10,
  similarTo: 50,
  excludeFilms: 50,
  moods: 10,
  excludeMoods: 10,
  tags: 10,
  excludeTags: 10,
  notUnderstood: 50,
} as const;
const L = UNDERSTOOD_LIMITS;
const movieIds = (max: number) => z.array(z.number().int().positive()).max(max);

export const understoodSchema = z.object({
  genres: z.array(genreSchema).max(L.genres).optional(),
  excludeGenres: z.array(genreSchema).max(L.excludeGenres).optional(),
  people: z.array(personSchema).max(L.people).optional(),
  excludePeople: z.array(personSchema).max(L.excludePeople).optional(),
  similarTo: movieIds(L.similarTo).optional(),
  /** Films the person turned away in this conversation ("not that one"). */
  excludeFilms: movieIds(L.excludeFilms).optional(),
  yearFrom: year.optional(),
  yearTo: year.optional(),
  minRuntime: minutes.optional(),
  maxRuntime: minutes.optional(),
  moods: z.array(z.string().max(40)).max(L.moods).optional(),
  excludeMoods: z.array(z.string().max(40)).max(L.excludeMoods).optional(),
  tags: z.array(z.string().max(60)).max(L.tags).optional(),
  excludeTags: z.array(z.string().max(60)).max(L.excludeTags).optional(),
  sort: z.enum(ASK_SORTS).optional(),
  count: z.number().int().min(1).max(50).optional(),
  watchlistOnly: z.boolean().optional(),
  unseenOnly: z.boolean().optional(),
  info: z.object({ kind: z.enum(INFO_KINDS), movieId: z.number().int().positive() }).optional(),
  /** Words the parser could not place, as the person wrote them (lower case). */
  notUnderstood: z.array(z.string().max(200)).max(L.notUnderstood).optional(),
});
export type Understood = z.infer<typeof understoodSchema>;

export const ASK_INTENTS = [
  'genre',
  'actor',
  'director',
  'similar_movie',
  'mood',
  'trending',
  'decade',
  'runtime',
  'info',
  'providers',
  'mixed',
  'unknown',
] as const;
export type AskIntent = (typeof ASK_INTENTS)[number];

/** The conversation so far, as a follow-up needs it: what was understood and the films shown. */
export const askContextSchema = z.object({
  understood: understoodSchema,
  /** The previous answer's films, in the order shown ("the second one"). */
  shown: movieIds(50).optional(),
});
export type AskContext = z.infer<typeof askContextSchema>;

/** The one intent a request is about, from what was understood. */
export function intentOf(understood: Understood): AskIntent {
  if (understood.info) return understood.info.kind === 'providers' ? 'providers' : 'info';
  const parts: AskIntent[] = [];
  if (understood.genres?.length || understood.excludeGenres?.length) parts.push('genre');
  const roles = new Set(understood.people?.map((p) => p.role));
  if (roles.has('actor')) parts.push('actor');
  if (roles.has('director')) parts.push('director');
  if (understood.similarTo?.length) parts.push('similar_movie');
  if (understood.moods?.length || understood.tags?.length) parts.push('mood');
  if (understood.sort === 'trending') parts.push('trending');
  if (understood.yearFrom !== undefined || understood.yearTo !== undefined) parts.push('decade');
  if (understood.minRuntime !== undefined || understood.maxRuntime !== undefined)
    parts.push('runtime');
  if (parts.length === 1) return parts[0]!;
  if (parts.length > 1) return 'mixed';
  return 'unknown';
}
