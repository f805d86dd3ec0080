// Runs in browser, worker and Node. Letterboxd's export (the zip from Settings → Data): ratings,
// diary (with rewatches), watched, watchlist, liked films, reviews and lists. Films carry only a
// name, a year and a boxd.it link (the diary's link is the entry's, not the film's).
import { type CsvRow, readCsv } from './csv-table';
import { dayOf, starsOfFive, timestampOf, yearOf } from './fields';
import {
  type ExportFile,
  parsed,
  type ImportProblem,
  type ImportRecord,
  type ImportResult,
  type ParsedExport,
} from './import-types';

const FILM = [['Name'], ['Year']] as const;

/** The file named `path` (`likes/films.csv`), wherever the zip's top folder puts it. */
const fileAt = (files: readonly ExportFile[], path: string) =>
  files.find((f) => f.name === path || f.name.endsWith(`/${path}`));

/** Letterboxd's files name their links "Letterboxd URI" (lists start with their own line). */
export const isLetterboxdExport = (files: readonly ExportFile[]) =>
  files.some((f) => /^\uFEFF?(letterboxd list export|[^\n]*letterboxd uri)/i.test(f.text));

export function parseLetterboxd(files: readonly ExportFile[]): ImportResult<ParsedExport> {
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = [];
  const film = (row: CsvRow, file: ExportFile) => ({
    film: {
      title: row.get('Name'),
      otherTitles: [],
      year: yearOf(row.get('Year')),
      imdbId: null,
      tmdbId: null,
      link: row.get('Letterboxd URI', 'URL') || null,
      kind: null,
    },
    source: { file: file.name, line: row.line },
  });
  /** Reads one file's rows with `each`; a row without a name is a problem, not a stop. */
  const read = (
    path: string,
    required: readonly (readonly string[])[],
    each: (row: CsvRow, file: ExportFile) => ImportRecord | string | null,
    startsWith?: string,
  ) => {
    const file = fileAt(files, path);
    if (!file) return null;
    const rows = readCsv(file, required, startsWith);
    if (!rows.ok) return rows;
    for (const row of rows.value) {
      if (!row.get('Name')) {
        problems.push({ file: file.name, line: row.line, message: 'A row without a film name.' });
        continue;
      }
      const record = each(row, file);
      if (typeof record === 'string')
        problems.push({ file: file.name, line: row.line, message: record });
      else if (record) records.push(record);
    }
    return null;
  };

  const steps = [
    read('ratings.csv', [...FILM, ['Rating']], (row, file) => {
      const rating = starsOfFive(row.get('Rating'));
      if (rating === null) return `"${row.get('Rating')}" is not a rating from 0.5 to 5.`;
      return { kind: 'rating', ...film(row, file), rating, ratedAt: timestampOf(row.get('Date')) };
    }),
    read('diary.csv', [...FILM, ['Watched Date']], (row, file) => {
      const watchedOn = dayOf(row.get('Watched Date')) ?? dayOf(row.get('Date'));
      if (!watchedOn) return `"${row.get('Watched Date')}" is not a date.`;
      return {
        kind: 'viewing',
        ...film(row, file),
        watchedOn,
        rating: starsOfFive(row.get('Rating')),
        isRewatch: /^yes$/i.test(row.get('Rewatch')),
      };
    }),
    read('watched.csv', FILM, (row, file) => ({
      kind: 'seen',
      ...film(row, file),
      seenAt: timestampOf(row.get('Date')),
    })),
    read('watchlist.csv', FILM, (row, file) => ({
      kind: 'watchlist',
      ...film(row, file),
      addedAt: timestampOf(row.get('Date')),
    })),
    read('likes/films.csv', FILM, (row, file) => ({
      kind: 'favourite',
      ...film(row, file),
      addedAt: timestampOf(row.get('Date')),
    })),
    read('reviews.csv', [...FILM, ['Review']], (row, file) =>
      row.get('Review')
        ? {
            kind: 'review',
            ...film(row, file),
            text: row.get('Review'),
            watchedOn: dayOf(row.get('Watched Date')),
            hasSpoilers: /spoiler/i.test(row.get('Tags')),
          }
        : null,
    ),
  ];
  for (const file of files.filter((f) => /(^|\/)lists\/[^/]+\.csv$/.test(f.name))) {
    const meta = readCsv(file, [['Name']], 'Date');
    const list = meta.ok ? (meta.value[0]?.get('Name') ?? '') : '';
    const name = list || file.name.replace(/^.*\//, '').replace(/\.csv$/, '');
    steps.push(
      read(
        file.name,
        [['Position'], ...FILM],
        (row) => ({
          kind: 'list-entry',
          ...film(row, file),
          list: name,
          position: Number(row.get('Position')) || null,
        }),
        'Position',
      ),
    );
  }
  const failed = steps.find((step) => step !== null);
  if (failed) return failed;
  return parsed('letterboxd', records, problems, null, null);
}
