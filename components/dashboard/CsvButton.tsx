import { toCsv } from '@/lib/dashboard';

/** Downloads `rows` as `<name>.csv`, with the given columns in order (lib/dashboard/csv.ts). */
export function CsvButton<Row extends object>(props: { name: string; rows: readonly Row[]; columns: readonly { key: keyof Row & string; header: string }[] }) {
  const download = () => {
    const text = toCsv(props.rows, props.columns);
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${props.name}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    // Let the download start before the address goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button type="button" onClick={download} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
      Download CSV
    </button>
  );
}
