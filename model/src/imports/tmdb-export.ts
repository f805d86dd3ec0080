// Runs in browser, worker and Node. TMDB's CSV export of ratings (and the same layout for the
// watchlist): `TMDb ID,IMDb ID,Type,Name,Release Date,Season Number,Episode Number,Rating,Your
// Rating,Date Rated`. TV rows are skipped; ratings on TMDB's 10-point scale.
import { readCsv } from './csv-table';
import { imdbIdOf, starsFromTen, timestampOf, tmdbIdOf, yearOf } from './fields';
import {
  type ExportFile,
  parsed,
  type ImportProblem,
  type ImportRecord,
  type ImportResult,
  type ParsedExport,
} from './import-types';

export const isTmdbExport = (files: readonly ExportFile[]) =>
  files.length > 0 && files.every((f) => /^\uFEFF?"?tmdb id"?,/i.test(f.text));

export function parseTmdb(files: readonly ExportFile[]): ImportResult<ParsedExport> {
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    const rows = readCsv(file, [['TMDb ID'], ['Name'], ['Type']]);
    if (!rows.ok) return rows;
    for (const row of rows.value) {
      if (!/^movie$/i.test(row.get('Type'))) continue;
      const source = { file: file.name, line: row.line };
      const film = {
        title: row.get('Name'),
        otherTitles: [],
        year: yearOf(row.get('Release Date')),
        imdbId: imdbIdOf(row.get('IMDb ID')),
        tmdbId: tmdbIdOf(row.get('TMDb ID')),
        link: null,
        kind: 'movie',
      };
      const given = row.get('Your Rating');
      if (!given) {
        records.push({
          kind: 'watchlist',
          film,
          source,
          addedAt: timestampOf(row.get('Date Rated', 'Date Added')),
        });
        continue;
      }
      const rating = starsFromTen(given);
      if (rating === null) {
        problems.push({ ...source, message: `"${given}" is not a rating from 0.5 to 10.` });
        continue;
      }
      records.push({
        kind: 'rating',
        film,
        source,
        rating,
        ratedAt: timestampOf(row.get('Date Rated')),
      });
    }
  }
  return parsed(
    'tmdb',
    records,
    problems,
    'TMDB rates from 0.5 to 10: each rating is halved and rounded to the nearest half star (7.5 → 4★).',
    files[0]?.name ?? null,
  );
}
