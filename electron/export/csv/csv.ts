import { stringify } from 'csv-stringify/sync';

/** What a CSV cell may hold. Dates become ISO 8601, numbers stay numbers, null and undefined an empty cell. */
export type CsvCell = string | number | boolean | Date | null | undefined;

/** One column: its header and how to read the cell from a row. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvCell;
}

export interface CsvOptions {
  /**
   * A UTF-8 byte order mark first (default true): without it Excel opens the file as the local code page and
   * mangles accented names. Spreadsheet programs and CSV parsers that know RFC 4180 ignore it.
   */
  bom?: boolean;
  /** The header row first (default true); false for the later parts of a file written in parts. */
  header?: boolean;
}

// OWASP "CSV Injection": a cell starting with one of these is read as a formula by spreadsheet programs.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A free-text cell that a spreadsheet would run as a formula gets a leading apostrophe and is shown as text. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: CsvCell, header: string, rowIndex: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // A number is written as a number (a negative one keeps its minus: it is data, not text).
    if (!Number.isFinite(value)) throw new Error(`toCsv: row ${rowIndex + 1}, column "${header}" is not a finite number (${value})`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`toCsv: row ${rowIndex + 1}, column "${header}" is an invalid date`);
    return value.toISOString();
  }
  return neutraliseFormula(value);
}

/**
 * RFC 4180 CSV (comma, CRLF, fields quoted when they hold a comma, quote or line break) with a header row.
 * Free text is neutralised against formula injection; dates are ISO 8601; numbers are written as numbers.
 */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[], options: CsvOptions = {}): string {
  if (columns.length === 0) throw new Error('toCsv: at least one column is needed');
  const headers = columns.map((c) => c.header);
  if (new Set(headers).size !== headers.length) throw new Error(`toCsv: duplicate column headers in ${headers.join(', ')}`);
  const records = rows.map((row, i) => columns.map((c) => cell(c.value(row), c.header, i)));
  const body = stringify((options.header ?? true) ? [headers.map(neutraliseFormula), ...records] : records, { record_delimiter: '\r\n', eof: true });
  return (options.bom ?? true) ? `\uFEFF${body}` : body;
}
