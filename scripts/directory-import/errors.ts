/** Base error of the directory importer and exporter: the CLI prints its message and exits non-zero. */
export class DirectoryImportError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DirectoryImportError';
  }
}

/** The file cannot be read as a directory at all (encoding, header, quoting, syntax): nothing is imported. */
export class DirectoryFileError extends DirectoryImportError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DirectoryFileError';
  }
}

/** The admin declined, or was not asked and did not pass `--yes`: nothing was written. */
export class ImportAbortedError extends DirectoryImportError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImportAbortedError';
  }
}

/** Bad command-line arguments. */
export class UsageError extends DirectoryImportError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}
