import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  const columns = [
    { key: 'name', header: 'Account' },
    { key: 'amount', header: 'Amount' },
    { key: 'ids', header: 'Accounts' },
  ] as const;

  it('quotes commas, quotes and line breaks, and ends lines with CRLF', () => {
    const csv = toCsv([{ name: 'Acme, "Inc"\nEU', amount: 1200.5, ids: ['a', 'b'] }, { name: 'Plain', amount: null, ids: [] }], columns);
    expect(csv).toBe('Account,Amount,Accounts\r\n"Acme, ""Inc""\nEU",1200.5,a; b\r\nPlain,,\r\n');
  });

  it('makes text that a spreadsheet would run as a formula into plain text, but keeps negative numbers', () => {
    const rows = ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tlead'].map((name) => ({ name, amount: -5, ids: [] }));
    const lines = toCsv(rows, columns).split('\r\n');
    expect(lines.slice(1, 6)).toEqual([`"'=HYPERLINK(""x"")",-5,`, "'+1,-5,", "'-2+3,-5,", "'@SUM(A1),-5,", "'\tlead,-5,"]);
  });
});
