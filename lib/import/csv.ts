import Papa from 'papaparse';

/**
 * Reading an import file: a header row, then one record per row. Papa Parse
 * does the CSV itself (quotes, embedded commas and line breaks, `\r\n`, a
 * leading byte-order mark); this module adds the limits, the column check
 * and the row numbers a person finds in their spreadsheet.
 */

/** Larger files are refused before parsing, with this in the message. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Rows after the header. Each confirmed row is one local write and one upload. */
export const MAX_ROWS = 5_000;

/** One data row: its spreadsheet row number (the header is row 1) and its cells by column. */
export interface CsvRow {
  row: number;
  cells: Readonly<Record<string, string>>;
  /** Set when the row could not be read as a record (wrong number of cells, a broken quote). */
  malformed: string | null;
}

export type CsvReadResult = { ok: true; columns: string[]; rows: CsvRow[] } | { ok: false; message: string };

/** `Owner Email` → `owner_email`: headers are matched without regard to case, spaces or dashes. */
export function columnKey(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Parses `text` and checks its header against `known` columns (`required`
 * among them). A file-level problem (too big, no header, an unknown or
 * missing column) refuses the whole file: a mistyped column would otherwise
 * drop its data silently. A row-level problem marks that row only.
 */
export function readCsv(text: string, known: readonly string[], required: readonly string[]): CsvReadResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) {
    return { ok: false, message: `The file is over the ${formatSize(MAX_FILE_BYTES)} limit (it has ${bytes.toLocaleString('en')} bytes). Split it into smaller files.` };
  }
  // Blank lines are skipped here, not by Papa, so row numbers still count them as a spreadsheet does.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t'] });
  const [header, ...body] = parsed.data;
  if (!header || header.every((cell) => cell.trim() === '')) return { ok: false, message: 'The file is empty: it needs a header row naming the columns.' };

  const columns = header.map(columnKey);
  const unknown = columns.filter((column) => !known.includes(column));
  if (unknown.length > 0) {
    return { ok: false, message: `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}. The columns are: ${known.join(', ')}.` };
  }
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
  if (repeated) return { ok: false, message: `The column "${repeated}" appears twice.` };
  const missing = required.filter((column) => !columns.includes(column));
  if (missing.length > 0) return { ok: false, message: `The file needs the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}.` };

  // Papa reports a broken row by its index among all rows, header included.
  const problems = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.row === undefined || error.row === null) continue;
    if (!problems.has(error.row)) problems.set(error.row, describeParseError(error));
  }
  const rows: CsvRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '') && !problems.has(index + 1)) return;
    const byColumn: Record<string, string> = {};
    columns.forEach((column, at) => (byColumn[column] = (cells[at] ?? '').trim()));
    const mismatch = cells.length !== columns.length ? `has ${cells.length} cell${cells.length === 1 ? '' : 's'} where the header has ${columns.length}` : null;
    rows.push({ row: index + 2, cells: byColumn, malformed: problems.get(index + 1) ?? mismatch });
  });
  if (rows.length > MAX_ROWS) {
    return { ok: false, message: `The file has ${rows.length.toLocaleString('en')} rows; the limit is ${MAX_ROWS.toLocaleString('en')}. Split it into smaller files.` };
  }
  return { ok: true, columns, rows };
}

function describeParseError(error: Papa.ParseError): string {
  if (error.code === 'MissingQuotes') return 'opens a quote that is never closed, so the rest of the file was read into this row';
  if (error.type === 'Quotes') return 'has a stray quote inside a cell';
  if (error.type === 'FieldMismatch') return 'has a different number of cells than the header';
  return error.message;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
