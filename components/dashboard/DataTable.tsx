import { useMemo, useState, type ReactNode } from 'react';
import { CsvButton } from './CsvButton';

/**
 * A table of one view: sortable by any column (the header is a button; the
 * column says how it is sorted with `aria-sort`), each account opening its
 * detail, and a CSV download of every row with the columns shown. Long lists
 * show their first rows and grow on request; the CSV always has them all.
 */
export interface Column<Row> {
  key: keyof Row & string;
  header: string;
  /** How the cell reads; the raw value when absent. */
  format?: (row: Row) => ReactNode;
  numeric?: boolean;
}

type Direction = 'ascending' | 'descending';

/** Rows shown at first: enough to act on, few enough that a filter change redraws at once. */
const PAGE = 25;

export function DataTable<Row extends object>(props: {
  caption: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  /** The file name of the CSV, without `.csv`. */
  csvName: string;
  /** The column holding the account id, and what opening it does. */
  accountKey?: keyof Row & string;
  onOpenAccount?: (accountId: string) => void;
  empty: string;
  testId: string;
}) {
  const { rows, columns, accountKey, onOpenAccount } = props;
  const [sort, setSort] = useState<{ key: string; direction: Direction } | null>(null);
  const [shown, setShown] = useState(PAGE);
  const sorted = useMemo(() => (sort ? sortRows(rows, sort.key, sort.direction) : rows), [rows, sort]);

  const toggle = (key: string) =>
    setSort((current) => (current?.key === key && current.direction === 'ascending' ? { key, direction: 'descending' } : { key, direction: 'ascending' }));

  return (
    <div data-testid={props.testId} className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="row-count">
          {rows.length === 1 ? '1 row' : `${rows.length} rows`}
        </p>
        <CsvButton name={props.csvName} rows={sorted} columns={columns} />
      </div>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">{props.empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{props.caption}</caption>
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                {columns.map((c) => (
                  <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? sort.direction : 'none'} className={`p-1 font-semibold ${c.numeric ? 'text-right' : 'text-left'}`}>
                    <button type="button" onClick={() => toggle(c.key)} className="rounded px-1 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600">
                      {c.header}
                      <span aria-hidden="true">{sort?.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.slice(0, shown).map((row, i) => (
                <tr key={i} className="border-b border-slate-100 dark:border-slate-800">
                  {columns.map((c, j) => {
                    const content = c.format ? c.format(row) : display(row[c.key]);
                    const accountId = accountKey ? (row[accountKey] as unknown) : null;
                    return (
                      <td key={c.key} className={`p-1 ${c.numeric ? 'text-right tabular-nums' : ''}`}>
                        {j === 0 && onOpenAccount && typeof accountId === 'string' ? (
                          <button type="button" onClick={() => onOpenAccount(accountId)} className="text-left text-brand-700 underline dark:text-indigo-300">
                            {content}
                          </button>
                        ) : (
                          content
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {sorted.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + PAGE * 4)} className="mt-2 text-sm underline">
              Show more ({sorted.length - shown} not shown)
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Numbers before text; blanks last whichever the direction. */
export function sortRows<Row extends object>(rows: readonly Row[], key: string, direction: Direction): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const value = (row: Row) => (row as Record<string, unknown>)[key];
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const blankX = x === null || x === undefined || x === '';
    const blankY = y === null || y === undefined || y === '';
    if (blankX || blankY) return blankX === blankY ? 0 : blankX ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    const tx = Array.isArray(x) ? x.join(', ') : String(x);
    const ty = Array.isArray(y) ? y.join(', ') : String(y);
    return (tx < ty ? -1 : tx > ty ? 1 : 0) * sign;
  });
}

function display(value: unknown): ReactNode {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}
