// Runs in browser, worker and Node. IMDb's CSV exports: ratings (1-10, since 2024 with
// "Original Title" and "Title Type") and the watchlist (with "Position" and "Created"). A title's
// `Const` is its IMDb id, sometimes without its "tt"; types may be localised ("Film").
import { type CsvRow, headerLine, readCsv } from './csv-table';
import { imdbIdOf, starsFromTen, timestampOf, yearOf } from './fields';
import {
  type ExportFile,
  parsed,
  type ImportProblem,
  type ImportRecord,
  type ImportResult,
  type ParsedExport,
} from './import-types';

export const isImdbExport = (files: readonly ExportFile[]) =>
  files.length > 0 &&
  files.every((f) => /(^|,)"?const"?(,|$)/i.test(headerLine(f)) && /title/i.test(headerLine(f)));

export function parseImdb(files: readonly ExportFile[]): ImportResult<ParsedExport> {
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    const isRatings = /your rating/i.test(headerLine(file));
    const rows = readCsv(file, [['Const'], ['Title'], ...(isRatings ? [['Your Rating']] : [])]);
    if (!rows.ok) return rows;
    for (const row of rows.value) {
      const imdbId = imdbIdOf(row.get('Const'));
      if (!imdbId) {
        problems.push({
          file: file.name,
          line: row.line,
          message: `"${row.get('Const')}" is not an IMDb id.`,
        });
        continue;
      }
      const base = { film: filmOf(row, imdbId), source: { file: file.name, line: row.line } };
      if (isRatings) {
        const rating = starsFromTen(row.get('Your Rating'));
        if (rating === null) {
          problems.push({
            file: file.name,
            line: row.line,
            message: `"${row.get('Your Rating')}" is not a rating from 1 to 10.`,
          });
          continue;
        }
        records.push({
          kind: 'rating',
          ...base,
          rating,
          ratedAt: timestampOf(row.get('Date Rated', 'Created')),
        });
      } else {
        records.push({ kind: 'watchlist', ...base, addedAt: timestampOf(row.get('Created')) });
      }
    }
  }
  return parsed(
    'imdb',
    records,
    problems,
    'IMDb rates from 1 to 10: each rating is halved to exact half stars (7 → 3½★).',
    files[0]?.name ?? null,
  );
}

function filmOf(row: CsvRow, imdbId: string) {
  const title = row.get('Title');
  const original = row.get('Original Title');
  return {
    title,
    otherTitles: original && original !== title ? [original] : [],
    year: yearOf(row.get('Year')) ?? yearOf(row.get('Release Date')),
    imdbId,
    tmdbId: null,
    link: row.get('URL') || null,
    kind: row.get('Title Type').toLowerCase() || null,
  };
}
