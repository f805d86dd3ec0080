// Runs in browser, worker and Node. A CSV file of an export as rows of named cells (csv-parse:
// quoted newlines, CRLF, a byte-order mark), with headers matched without regard to case or
// spacing, and a clear error naming the file and the missing column.
import { parse } from 'csv-parse/browser/esm/sync';
import { type ExportFile, failure, type ImportResult } from './import-types';

export interface CsvRow {
  /** 1-based line of the file (the last one, for a row with a quoted line break). */
  line: number;
  /** The cell under a header (any of its spellings), trimmed; '' when empty or absent. */
  get(...headers: string[]): string;
}

/** A file's first line (its header, for a CSV), without a byte-order mark: to tell formats apart. */
export const headerLine = (file: ExportFile) =>
  file.text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';

const key = (header: string) => header.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Rows of `file` under its header row: the first row, or the first that starts with `startsWith`
 * (Letterboxd's lists put a metadata block above the films).
 * @example readCsv(file, [['Const'], ['Your Rating']])
 */
export function readCsv(
  file: ExportFile,
  required: readonly (readonly string[])[],
  startsWith?: string,
): ImportResult<CsvRow[]> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(file.text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? null;
    return failure(`This is not a readable CSV file: ${(err as Error).message}`, file.name, line);
  }
  const headerAt = startsWith
    ? records.findIndex((r) => key(r.record[0] ?? '') === key(startsWith))
    : 0;
  const header = records[headerAt];
  if (headerAt < 0 || !header) return failure('The file has no header row.', file.name, 1);
  const columns = new Map(header.record.map((name, i) => [key(name), i]));
  for (const names of required) {
    if (!names.some((name) => columns.has(key(name))))
      return failure(
        `The column "${names[0]}" is missing, so this is not the file it looks like.`,
        file.name,
        header.info.lines,
      );
  }
  return {
    ok: true,
    value: records.slice(headerAt + 1).map(({ record, info }) => ({
      line: info.lines,
      get: (...headers: string[]) => {
        for (const name of headers) {
          const index = columns.get(key(name));
          if (index !== undefined) return (record[index] ?? '').trim();
        }
        return '';
      },
    })),
  };
}
