/**
 * Tables out as CSV (RFC 4180): fields separated by commas, lines by CRLF, a field
 * quoted when it holds a comma, a double quote, CR or LF, with its quotes doubled.
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab or CR,
 * which some of them skip first) as a formula, and account names and titles are
 * typed by people outside our control. Such a text cell gets a leading apostrophe,
 * which spreadsheets show as text. Numbers are written as numbers: a negative
 * amount stays a number.
 */
export interface CsvColumn<Row> {
  key: keyof Row & string;
  header: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** One cell: null and undefined are empty, lists are joined with "; ", text is made safe then quoted if needed. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = Array.isArray(value) ? value.map((v) => String(v)).join('; ') : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
