// Runs in browser, worker and Node. Trakt's account export (a zip of JSON files): watch history
// (`watched-history-N.json`, one entry per play), movie ratings (whole numbers 1-10), the
// watchlist and custom lists. Every film carries `ids { trakt, slug, imdb, tmdb }`, any of them
// possibly null. Episodes and shows are skipped.
import { z } from 'zod';
import { dayOf, imdbIdOf, starsFromTen, timestampOf, tmdbIdOf, yearOf } from './fields';
import {
  type ExportFile,
  failure,
  parsed,
  type ImportProblem,
  type ImportRecord,
  type ImportResult,
  type ParsedExport,
} from './import-types';

const movieSchema = z.object({
  title: z.string().min(1),
  year: z.number().int().nullable().optional(),
  ids: z
    .object({
      trakt: z.number().nullable().optional(),
      slug: z.string().nullable().optional(),
      imdb: z.string().nullable().optional(),
      tmdb: z.number().nullable().optional(),
    })
    .partial()
    .default({}),
});
const entrySchema = z.looseObject({
  type: z.string().optional(),
  movie: movieSchema.optional(),
  watched_at: z.string().optional(),
  rated_at: z.string().optional(),
  listed_at: z.string().optional(),
  rating: z.number().optional(),
  rank: z.number().optional(),
});
type Entry = z.infer<typeof entrySchema>;

const baseName = (name: string) => name.replace(/^.*\//, '');

export const isTraktExport = (files: readonly ExportFile[]) =>
  files.some((f) =>
    /^(watched-history(-\d+)?|ratings-movies|lists-watchlist)\.json$/.test(baseName(f.name)),
  );

export function parseTrakt(files: readonly ExportFile[]): ImportResult<ParsedExport> {
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = [];
  const plays: (ImportRecord & { kind: 'viewing' })[] = [];

  for (const file of files) {
    const name = baseName(file.name);
    const kind = /^watched-history(-\d+)?\.json$/.test(name)
      ? 'history'
      : name === 'ratings-movies.json'
        ? 'ratings'
        : name === 'lists-watchlist.json'
          ? 'watchlist'
          : /^lists-.+\.json$/.test(name)
            ? 'list'
            : null;
    if (!kind) continue;
    let items: unknown;
    try {
      items = JSON.parse(file.text);
    } catch (err) {
      return failure(`This is not readable JSON: ${(err as Error).message}`, file.name);
    }
    if (!Array.isArray(items)) return failure('Expected a list of entries.', file.name);
    const list = name
      .replace(/^lists-/, '')
      .replace(/\.json$/, '')
      .replace(/-/g, ' ');
    for (const [index, item] of items.entries()) {
      const source = { file: file.name, line: index + 1 };
      const parsed = entrySchema.safeParse(item);
      if (!parsed.success) {
        problems.push({ ...source, message: 'An entry this importer cannot read.' });
        continue;
      }
      const entry: Entry = parsed.data;
      if (!entry.movie) continue; // an episode, a show, a person
      const film = filmOf(entry.movie);
      switch (kind) {
        case 'history': {
          const watchedOn = dayOf(entry.watched_at);
          if (!watchedOn) problems.push({ ...source, message: 'A play without a date.' });
          else
            plays.push({
              kind: 'viewing',
              film,
              source,
              watchedOn,
              rating: null,
              isRewatch: false,
            });
          break;
        }
        case 'ratings': {
          const rating = starsFromTen(entry.rating);
          if (rating === null)
            problems.push({
              ...source,
              message: `"${entry.rating}" is not a rating from 1 to 10.`,
            });
          else
            records.push({
              kind: 'rating',
              film,
              source,
              rating,
              ratedAt: timestampOf(entry.rated_at),
            });
          break;
        }
        case 'watchlist':
          records.push({ kind: 'watchlist', film, source, addedAt: timestampOf(entry.listed_at) });
          break;
        case 'list':
          records.push({ kind: 'list-entry', film, source, list, position: entry.rank ?? null });
          break;
      }
    }
  }
  // One entry per play: every play of a film after its first is a rewatch.
  plays.sort((a, b) => a.watchedOn.localeCompare(b.watchedOn));
  const seen = new Set<string>();
  for (const play of plays) {
    const id = play.film.link ?? `${play.film.title} ${play.film.year}`;
    records.push({ ...play, isRewatch: seen.has(id) });
    seen.add(id);
  }
  return parsed(
    'trakt',
    records,
    problems,
    'Trakt rates from 1 to 10: each rating is halved to exact half stars (7 → 3½★).',
    null,
  );
}

function filmOf(movie: z.infer<typeof movieSchema>) {
  return {
    title: movie.title,
    otherTitles: [],
    year: yearOf(movie.year ?? null),
    imdbId: imdbIdOf(movie.ids.imdb),
    tmdbId: tmdbIdOf(movie.ids.tmdb ?? null),
    link: movie.ids.slug ? `https://trakt.tv/movies/${movie.ids.slug}` : null,
    kind: 'movie',
  };
}
