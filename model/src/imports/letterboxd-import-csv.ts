// Runs in browser, worker and Node. Letterboxd's *import* format (the CSV its importer takes, and
// which other tools and Filmfold's own export write): Title, Year, imdbID, tmdbID, WatchedDate,
// Rating (0.5-5) or Rating10, Rewatch. A row with a WatchedDate is a diary entry with its own
// stars; a row without one is a rating; a file whose name says "watchlist" is a watchlist.
import { headerLine, readCsv } from './csv-table';
import { dayOf, imdbIdOf, starsFromTen, starsOfFive, tmdbIdOf, yearOf } from './fields';
import {
  type ExportFile,
  type ImportProblem,
  type ImportRecord,
  type ImportResult,
  type ParsedExport,
  parsed,
} from './import-types';

export const isLetterboxdImportCsv = (files: readonly ExportFile[]) =>
  files.length > 0 &&
  files.every(
    (f) =>
      /(^|,)"?title"?(,|$)/i.test(headerLine(f)) &&
      /imdbid|tmdbid|watcheddate|rating10|letterboxduri/i.test(headerLine(f)),
  );

export function parseLetterboxdImportCsv(files: readonly ExportFile[]): ImportResult<ParsedExport> {
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    const rows = readCsv(file, [['Title']]);
    if (!rows.ok) return rows;
    const isWatchlist = /watchlist/i.test(file.name);
    for (const row of rows.value) {
      const source = { file: file.name, line: row.line };
      const film = {
        title: row.get('Title'),
        otherTitles: [],
        year: yearOf(row.get('Year')),
        imdbId: imdbIdOf(row.get('imdbID')),
        tmdbId: tmdbIdOf(row.get('tmdbID')),
        link: row.get('LetterboxdURI') || null,
        kind: null,
      };
      if (!film.title && !film.imdbId && !film.tmdbId) {
        problems.push({ ...source, message: 'A row without a title or an id.' });
        continue;
      }
      if (isWatchlist) {
        records.push({ kind: 'watchlist', film, source, addedAt: null });
        continue;
      }
      const given = row.get('Rating');
      const rating = given
        ? starsOfFive(given)
        : row.get('Rating10')
          ? starsFromTen(row.get('Rating10'))
          : null;
      if ((given || row.get('Rating10')) && rating === null) {
        problems.push({ ...source, message: `"${given || row.get('Rating10')}" is not a rating.` });
        continue;
      }
      const watchedOn = dayOf(row.get('WatchedDate'));
      if (watchedOn)
        records.push({
          kind: 'viewing',
          film,
          source,
          watchedOn,
          rating,
          isRewatch: /^(true|yes|1)$/i.test(row.get('Rewatch')),
        });
      else if (rating !== null)
        records.push({ kind: 'rating', film, source, rating, ratedAt: null });
      else records.push({ kind: 'seen', film, source, seenAt: null });
    }
  }
  return parsed('letterboxd', records, problems, null, files[0]?.name ?? null);
}
