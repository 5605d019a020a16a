import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_ROWS, readCsv } from './csv';

const COLUMNS = ['name', 'domains', 'owner_email'];

describe('readCsv', () => {
  it('reads quoted cells with commas and line breaks, a byte-order mark, CRLF and headers in any case', () => {
    const result = readCsv('\uFEFFName,Domains,Owner Email\r\n"Acme, Inc.","acme.com\nacme.de",dana@v.example\r\n', COLUMNS, ['name']);
    expect(result).toEqual({
      ok: true,
      columns: COLUMNS,
      rows: [{ row: 2, cells: { name: 'Acme, Inc.', domains: 'acme.com\nacme.de', owner_email: 'dana@v.example' }, malformed: null }],
    });
  });

  it('reads semicolon-separated files as spreadsheets in many countries save them', () => {
    const result = readCsv('name;domains\nAcme;acme.com\nGlobex;globex.com', COLUMNS, ['name']);
    expect(result.ok && result.rows.map((r) => r.cells.domains)).toEqual(['acme.com', 'globex.com']);
  });

  it('skips blank lines but numbers rows as a spreadsheet does', () => {
    const result = readCsv('name,domains\n\nAcme,acme.com\n , \nGlobex,globex.com\n', COLUMNS, ['name']);
    expect(result.ok && result.rows.map((r) => [r.row, r.cells.name])).toEqual([[3, 'Acme'], [5, 'Globex']]);
  });

  it('refuses the whole file for an unknown, repeated or missing column', () => {
    expect(readCsv('name,domian\nAcme,acme.com', COLUMNS, ['name'])).toEqual({
      ok: false,
      message: 'Unknown column "domian". The columns are: name, domains, owner_email.',
    });
    expect(readCsv('name,Name\nA,B', COLUMNS, ['name'])).toEqual({ ok: false, message: 'The column "name" appears twice.' });
    expect(readCsv('domains\nacme.com', COLUMNS, ['name'])).toEqual({ ok: false, message: 'The file needs the column "name".' });
    expect(readCsv('', COLUMNS, ['name'])).toEqual({ ok: false, message: 'The file is empty: it needs a header row naming the columns.' });
  });

  it('marks rows with the wrong number of cells or a broken quote, keeping the others', () => {
    const result = readCsv('name,domains\nAcme,acme.com\nToo,many,cells\nGlobex,globex.com\n"Open,quote', COLUMNS, ['name']);
    if (!result.ok) throw new Error(result.message);
    expect(result.rows.map((r) => [r.row, r.malformed])).toEqual([
      [2, null],
      [3, 'has 3 cells where the header has 2'],
      [4, null],
      [5, 'opens a quote that is never closed, so the rest of the file was read into this row'],
    ]);
  });

  it('states the size and row limits', () => {
    const big = `name\n${'x'.repeat(MAX_FILE_BYTES)}`;
    expect(readCsv(big, COLUMNS, ['name'])).toEqual({ ok: false, message: 'The file is over the 2 MB limit (it has 2,097,157 bytes). Split it into smaller files.' });
    const many = `name\n${Array.from({ length: MAX_ROWS + 1 }, (_, i) => `A${i}`).join('\n')}`;
    expect(readCsv(many, COLUMNS, ['name'])).toEqual({ ok: false, message: 'The file has 5,001 rows; the limit is 5,000. Split it into smaller files.' });
  });
});
