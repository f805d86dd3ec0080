// Runs in Node. Failures of the data tools, each with its own name (see STYLE.md: branch on `name`).

/** Base of every expected failure of the dataset tools: its message is for a person to read. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** A file holds something that is not what its format promises. */
export class ParseError extends DatasetError {
  override name = 'ParseError';
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}, line ${line}: ${problem}`);
  }
}

/** The archive is not a readable zip (truncated, corrupt) or lacks the files of any known format. */
export class CorruptArchiveError extends DatasetError {
  override name = 'CorruptArchiveError';
}

/** A download's bytes differ from the published checksum. */
export class ChecksumMismatchError extends DatasetError {
  override name = 'ChecksumMismatchError';
}

/** The download could not be made (no network, server error). */
export class DownloadError extends DatasetError {
  override name = 'DownloadError';
}
