/**
 * Caps on an uploaded spreadsheet (CSV or XLSX). A request body is already at most 6 MB, but an
 * XLSX is a zip: 1 MB of it can inflate to gigabytes. Each cap can be raised through the
 * environment (see docs/security.md); the defaults take a 200,000-row export with room to spare.
 */
const fromEnv = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export const spreadsheetLimits = {
  /** Data rows (the header row not counted). */
  maxRows: fromEnv('TINGJIAN_IMPORT_MAX_ROWS', 200_000),
  /** Columns of the header row. */
  maxColumns: fromEnv('TINGJIAN_IMPORT_MAX_COLUMNS', 200),
  /** Characters in one cell: Excel itself holds no more than 32,767. */
  maxCellChars: 32_767,
  /** All parts of the zip together once inflated, in MB. */
  maxUnzippedMb: fromEnv('TINGJIAN_IMPORT_MAX_UNZIPPED_MB', 128),
  /** The shared string table (xl/sharedStrings.xml) once inflated, in MB. */
  maxSharedStringsMb: fromEnv('TINGJIAN_IMPORT_MAX_SHARED_STRINGS_MB', 64),
  /** The heap of the thread that reads one file, in MB: past it the thread is stopped and the file refused. */
  workerHeapMb: fromEnv('TINGJIAN_IMPORT_WORKER_HEAP_MB', 384),
  /** How long one file may take to read, in seconds. */
  maxSeconds: fromEnv('TINGJIAN_IMPORT_MAX_SECONDS', 120),
  /** Files read at once by one server process; more wait their turn. */
  concurrent: fromEnv('TINGJIAN_IMPORT_CONCURRENCY', 1),
};

export type SpreadsheetLimits = typeof spreadsheetLimits;
