// Runs in Node. Streams the records of one delimited text file, with its line numbers.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { ParseError } from '../errors';

export interface CsvRowsOptions {
  /** Field separator: ',' for ml-latest, '\t' for u.data, '|' for u.item. */
  delimiter: string;
  /** Whether fields may be "quoted" (ml-latest CSVs); ml-100k files have no quoting. */
  isQuoted: boolean;
  /** Text encoding of the file: ml-100k is Latin-1, everything newer UTF-8. */
  encoding: 'utf8' | 'latin1';
  /** Called with the byte count of each chunk read, for progress. */
  onBytes?: (bytes: number) => void;
}

export interface CsvRow {
  fields: string[];
  /** 1-based line number in the file (records have no embedded newlines in these formats). */
  line: number;
}

/** Records handed over at a time: one promise per batch, not per record, keeps parsing fast. */
const ROWS_PER_YIELD = 4096;

/**
 * Yields the records of `stream` in arrays, parsed by csv-parse; malformed text throws a ParseError.
 * @example for await (const rows of csvRows(stream, 'u.data', options)) for (const row of rows) …
 */
export async function* csvRows(
  stream: Readable,
  file: string,
  options: CsvRowsOptions,
): AsyncGenerator<CsvRow[]> {
  if (options.onBytes) {
    const onBytes = options.onBytes;
    stream.on('data', (chunk: Buffer | string) => onBytes(chunk.length));
  }
  const parser = stream.pipe(
    parse({
      delimiter: options.delimiter,
      quote: options.isQuoted ? '"' : false,
      encoding: options.encoding,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }),
  );
  stream.on('error', (err) => parser.destroy(err));
  let line = 0;
  let rows: CsvRow[] = [];
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      rows.push({ fields, line: ++line });
      if (rows.length === ROWS_PER_YIELD) {
        yield rows;
        rows = [];
      }
    }
    if (rows.length > 0) yield rows;
  } catch (err) {
    if (err instanceof Error && 'code' in err && String(err.code).startsWith('CSV_')) {
      throw new ParseError(file, line + 1, err.message);
    }
    throw err;
  }
}

/** Maps header names to column positions, refusing a header that lacks a required column. */
export function columnsOf<const N extends string>(
  header: CsvRow,
  file: string,
  required: readonly N[],
): Record<N, number> {
  const positions = {} as Record<N, number>;
  for (const name of required) {
    const at = header.fields.findIndex((f) => f.trim() === name);
    if (at < 0) {
      throw new ParseError(
        file,
        header.line,
        `expected a header with ${required.join(', ')}; found ${header.fields.join(', ')}`,
      );
    }
    positions[name] = at;
  }
  return positions;
}

/**
 * Calls `onRecord` for each record after the header, with the positions of the named columns.
 * For the small files (movies, links, tags); ratings stream through csvRows in batches.
 */
export async function forEachCsvRecord<const N extends string>(
  stream: Readable,
  file: string,
  options: CsvRowsOptions,
  required: readonly N[],
  onRecord: (get: (column: N) => string, line: number) => void,
): Promise<void> {
  let columns: Record<N, number> | undefined;
  let fields: string[] = [];
  const get = (column: N) => fields[columns![column]] ?? '';
  for await (const chunk of csvRows(stream, file, options)) {
    for (const row of chunk) {
      if (!columns) {
        columns = columnsOf(row, file, required);
        continue;
      }
      fields = row.fields;
      onRecord(get, row.line);
    }
  }
}
