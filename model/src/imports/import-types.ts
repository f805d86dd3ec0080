// Runs in browser, worker and Node. What an import reads out of another service's export: the
// films it names (with every id the file carries) and what the person did with each, before any
// of it is matched to the catalog or written.

export type ImportService = 'letterboxd' | 'imdb' | 'trakt' | 'tmdb';

/** A file of an export: its name inside the zip (or on disk) and its text. */
export interface ExportFile {
  name: string;
  text: string;
}

/** Where a row came from, for messages and the unmatched list. */
export interface RowSource {
  file: string;
  /** 1-based line of the file the row starts on (for JSON: the item's position, 1-based). */
  line: number;
}

/** A film as the export names it. */
export interface ImportedFilm {
  title: string;
  /** Other titles the file gives (IMDb's original title). */
  otherTitles: string[];
  year: number | null;
  /** `tt` and at least seven digits, when the file has it. */
  imdbId: string | null;
  tmdbId: number | null;
  /** The service's own link or id (a boxd.it link, a Trakt slug), kept to report with. */
  link: string | null;
  /** What the service says it is ("movie", "short", "tvSeries"), lower case, when it says. */
  kind: string | null;
}

interface Base {
  film: ImportedFilm;
  source: RowSource;
}

/** Stars 0.5-5 in half steps, converted from the service's scale. */
export type ImportRecord =
  | (Base & { kind: 'rating'; rating: number; ratedAt: string | null })
  | (Base & {
      kind: 'viewing';
      /** YYYY-MM-DD. */
      watchedOn: string;
      rating: number | null;
      isRewatch: boolean;
    })
  | (Base & { kind: 'watchlist'; addedAt: string | null })
  | (Base & { kind: 'favourite'; addedAt: string | null })
  /** Marked as seen, with no rating or diary entry (Letterboxd's watched.csv). */
  | (Base & { kind: 'seen'; seenAt: string | null })
  | (Base & { kind: 'review'; text: string; watchedOn: string | null; hasSpoilers: boolean })
  | (Base & { kind: 'list-entry'; list: string; position: number | null });

export type ImportKind = ImportRecord['kind'];

/** A row that could not be read, and why; the rest of the file goes on. */
export interface ImportProblem extends RowSource {
  message: string;
}

export interface ParsedExport {
  service: ImportService;
  records: ImportRecord[];
  problems: ImportProblem[];
  /** How the service's stars were turned into half stars, said on screen. */
  scaleNote: string | null;
}

/** A file that cannot be imported at all: nothing of it is used. */
export interface ImportFailure {
  file: string | null;
  line: number | null;
  message: string;
}

export type ImportResult<T> = { ok: true; value: T } | { ok: false; error: ImportFailure };

export const failure = (
  message: string,
  file: string | null = null,
  line: number | null = null,
): { ok: false; error: ImportFailure } => ({ ok: false, error: { file, line, message } });

const SERVICE_NAMES: Record<ImportService, string> = {
  letterboxd: 'Letterboxd',
  imdb: 'IMDb',
  trakt: 'Trakt',
  tmdb: 'TMDB',
};

/** What a parser read, or a failure when the export holds nothing at all. */
export function parsed(
  service: ImportService,
  records: ImportRecord[],
  problems: ImportProblem[],
  scaleNote: string | null,
  file: string | null = null,
): ImportResult<ParsedExport> {
  if (records.length === 0 && problems.length === 0)
    return failure(`This ${SERVICE_NAMES[service]} export holds no films.`, file);
  return { ok: true, value: { service, records, problems, scaleNote } };
}
