// Runs in browser, worker and Node. From the files a person picked (a service's zip, or loose
// CSV and JSON files) to what they hold: unzipped (fflate), decoded, the service recognised, and
// parsed. Nothing here writes anything; a file that cannot be used is an error value.
import { unzipSync } from 'fflate';
import { isImdbExport, parseImdb } from './imdb';
import { type ExportFile, failure, type ImportResult, type ParsedExport } from './import-types';
import { isLetterboxdExport, parseLetterboxd } from './letterboxd';
import { isLetterboxdImportCsv, parseLetterboxdImportCsv } from './letterboxd-import-csv';
import { isTmdbExport, parseTmdb } from './tmdb-export';
import { isTraktExport, parseTrakt } from './trakt';

/** No export of ratings comes near this; a bigger file is something else. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
const isUseful = (name: string) => /\.(csv|json)$/i.test(name) && !/(^|\/)(__MACOSX|\.)/.test(name);

/** The CSV and JSON files inside the picked files, as text. */
export function exportFiles(picked: readonly PickedFile[]): ImportResult<ExportFile[]> {
  const decoder = new TextDecoder('utf-8');
  const files: ExportFile[] = [];
  let total = 0;
  for (const file of picked) {
    if (file.bytes.length > MAX_IMPORT_BYTES)
      return failure(
        `This file is ${Math.round(file.bytes.length / 1024 / 1024)} MB; an export of ratings is far smaller, so it is not one.`,
        file.name,
      );
    if (!isZip(file.bytes)) {
      if (!isUseful(file.name)) return failure('Pick a .zip, .csv or .json export.', file.name);
      files.push({ name: file.name, text: decoder.decode(file.bytes) });
      continue;
    }
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(file.bytes, {
        filter: (entry) => {
          total += entry.originalSize;
          if (total > MAX_IMPORT_BYTES) throw new RangeError('too large');
          return isUseful(entry.name);
        },
      });
    } catch (err) {
      return failure(
        err instanceof RangeError
          ? 'This zip unpacks to more than 50 MB; an export of ratings is far smaller.'
          : 'This zip file is damaged or incomplete (was the download cut short?).',
        file.name,
      );
    }
    for (const [name, bytes] of Object.entries(entries))
      files.push({ name, text: decoder.decode(bytes) });
  }
  if (files.length === 0) return failure('There are no CSV or JSON files in what was picked.');
  return { ok: true, value: files };
}

/**
 * Reads the picked files as the export of whichever service they come from.
 * @example readExport([{ name: 'letterboxd.zip', bytes }]) // { ok: true, value: { service: 'letterboxd', … } }
 */
export function readExport(picked: readonly PickedFile[]): ImportResult<ParsedExport> {
  const files = exportFiles(picked);
  if (!files.ok) return files;
  if (isTraktExport(files.value)) return parseTrakt(files.value);
  if (isLetterboxdExport(files.value)) return parseLetterboxd(files.value);
  if (isTmdbExport(files.value)) return parseTmdb(files.value);
  if (isLetterboxdImportCsv(files.value)) return parseLetterboxdImportCsv(files.value);
  if (isImdbExport(files.value)) return parseImdb(files.value);
  return failure(
    'Filmfold cannot tell which service this export comes from: it reads exports from Letterboxd (the zip), IMDb (ratings or watchlist CSV), Trakt (the zip) and TMDB (CSV).',
    picked.length === 1 ? picked[0]!.name : null,
  );
}
