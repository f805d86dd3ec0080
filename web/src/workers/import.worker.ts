// Runs in a Web Worker. Reads another service's export, matches its films to the stored catalog
// and writes the import, so that a 10,000-row diary never holds up the page. Nothing leaves the
// device: the files are read here and the result is written to this device's database.
import * as Comlink from 'comlink';
import {
  FilmMatcher,
  type ImportFailure,
  type ImportKind,
  type ImportProblem,
  type ImportService,
  type ParsedExport,
  type PickedFile,
  readExport,
} from '@filmfold/model/imports';
import { FilmfoldDb } from '$lib/db/database';
import { counted } from '$lib/text/counted';
import {
  applyImport,
  choiceKey,
  deviceHoldings,
  rememberChoices,
  rememberedChoices,
} from '$lib/imports/import-apply';
import { type ConflictPolicy, type MatchedRecord, planImport } from '$lib/imports/import-plan';

const db = new FilmfoldDb();

export interface FilmChoice {
  movieId: number;
  title: string;
  year: number | null;
  /** What tells it apart: its director or genres, and how many rated it. */
  detail: string;
}

/** One film the file names that fits several catalog films: the person picks. */
export interface AmbiguousFilm {
  key: string;
  title: string;
  year: number | null;
  rows: number;
  candidates: FilmChoice[];
  /** Chosen in an earlier import of this service. */
  remembered: number | null;
}

export interface UnmatchedRow {
  title: string;
  year: number | null;
  kind: ImportKind;
  reason: string;
  file: string;
  line: number;
}

export interface ImportPreview {
  service: ImportService;
  scaleNote: string | null;
  rows: number;
  counts: Partial<Record<ImportKind, number>>;
  rewatches: number;
  matched: number;
  ambiguous: AmbiguousFilm[];
  unmatched: UnmatchedRow[];
  problems: ImportProblem[];
}

export interface PlanSummary {
  added: ReturnType<typeof planImport>['added'];
  unchanged: number;
  conflicts: { title: string; mine: number; theirs: number; kept: 'mine' | 'theirs' }[];
  waiting: ReturnType<typeof planImport>['waiting'];
  changes: number;
}

let parsed: ParsedExport | null = null;
/** Per record: the film it matched, the ambiguous key it waits on, or nothing. */
let resolved: ({ movieId: number } | { key: string } | null)[] = [];
let plan: ReturnType<typeof planImport> | null = null;
let stop: AbortController | null = null;

const api = {
  /** Reads and matches the picked files; nothing is written. */
  async read(
    picked: PickedFile[],
  ): Promise<{ ok: true; preview: ImportPreview } | { ok: false; error: ImportFailure }> {
    parsed = null;
    plan = null;
    const result = readExport(picked);
    if (!result.ok) return result;
    const films = await db.films.toArray();
    const byId = new Map(films.map((f) => [f.id, f]));
    const matcher = new FilmMatcher(films);
    const remembered = await rememberedChoices(db);
    const { service, records, problems, scaleNote } = result.value;
    const ambiguous = new Map<string, AmbiguousFilm>();
    const unmatched: UnmatchedRow[] = [];
    const counts: Partial<Record<ImportKind, number>> = {};
    let matched = 0;
    resolved = records.map((record) => {
      counts[record.kind] = (counts[record.kind] ?? 0) + 1;
      const outcome = matcher.match(record.film);
      if (outcome.status === 'matched') {
        matched++;
        return { movieId: outcome.movieId };
      }
      const { title, year } = record.film;
      if (outcome.status === 'unmatched') {
        unmatched.push({
          title,
          year,
          kind: record.kind,
          reason: outcome.reason,
          ...record.source,
        });
        return null;
      }
      const key = choiceKey(service, record.film);
      const film = ambiguous.get(key);
      if (film) film.rows++;
      else
        ambiguous.set(key, {
          key,
          title,
          year,
          rows: 1,
          candidates: outcome.candidates.slice(0, 6).map((id) => {
            const candidate = byId.get(id);
            const by = candidate?.directors?.length
              ? `directed by ${candidate.directors.join(' and ')}`
              : (candidate?.genres ?? []).join(', ');
            const raters = candidate?.ratingCount ?? 0;
            return {
              movieId: id,
              title: candidate?.title ?? `Film ${id}`,
              year: candidate?.year ?? null,
              detail: [by, counted(raters, 'rating')].filter(Boolean).join(' · '),
            };
          }),
          remembered: remembered[key] ?? null,
        });
      return { key };
    });
    parsed = result.value;
    return {
      ok: true,
      preview: {
        service,
        scaleNote,
        rows: records.length,
        counts,
        rewatches: records.filter((r) => r.kind === 'viewing' && r.isRewatch).length,
        matched,
        ambiguous: [...ambiguous.values()],
        unmatched,
        problems,
      },
    };
  },

  /** What importing would change, with the ambiguous films chosen (`key` → film). */
  async plan(choices: Record<string, number>, policy: ConflictPolicy): Promise<PlanSummary> {
    if (!parsed) throw new Error('Read a file first.');
    const records: MatchedRecord[] = [];
    for (const [i, record] of parsed.records.entries()) {
      const match = resolved[i];
      const movieId = !match ? null : 'movieId' in match ? match.movieId : choices[match.key];
      if (movieId) records.push({ ...record, movieId });
    }
    plan = planImport(records, await deviceHoldings(db), policy, new Date().toISOString());
    const conflicting = await db.films.bulkGet(plan.conflicts.map((c) => c.movieId));
    return {
      added: plan.added,
      unchanged: plan.unchanged,
      conflicts: plan.conflicts.map((c, i) => ({
        title: conflicting[i]?.title ?? `Film ${c.movieId}`,
        mine: c.mine,
        theirs: c.theirs,
        kept: c.kept,
      })),
      waiting: plan.waiting,
      changes: plan.changes.length,
    };
  },

  /** Writes the last plan; `onProgress` gets the share written. Returns how many were written. */
  async apply(
    choices: Record<string, number>,
    onProgress: (done: number) => void,
  ): Promise<number> {
    if (!plan) throw new Error('Plan the import first.');
    stop = new AbortController();
    await rememberChoices(db, choices);
    const written = await applyImport(db, plan, onProgress, stop.signal);
    stop = null;
    return written;
  },

  /** Stops a running import after the batch it is writing. */
  cancel() {
    stop?.abort();
  },
};

export type ImportWorkerApi = typeof api;

Comlink.expose(api);
