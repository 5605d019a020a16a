import type { FieldChange, ImportReport, RowOutcome } from '@/lib/import/plan-types';

const OUTCOME_LABELS: Readonly<Record<RowOutcome, string>> = {
  create: 'Create',
  update: 'Update',
  unchanged: 'Unchanged',
  rejected: 'Rejected',
};

const OUTCOME_STYLES: Readonly<Record<RowOutcome, string>> = {
  create: 'text-emerald-800 dark:text-emerald-300',
  update: 'text-sky-800 dark:text-sky-300',
  unchanged: 'text-slate-700 dark:text-slate-300',
  rejected: 'text-red-800 dark:text-red-300',
};

/**
 * The dry run's report: how many rows would be created, updated, left
 * unchanged or rejected, and every row with its outcome and why.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { counts } = report;
  return (
    <div className="space-y-2" data-testid="import-report">
      <p className="text-sm" data-testid="import-counts">
        {counts.create} to create, {counts.update} to update, {counts.unchanged} unchanged, {counts.rejected} rejected.
      </p>
      <div className="max-h-[32rem] overflow-auto rounded border border-slate-200 dark:border-slate-700" tabIndex={0} aria-label="Rows of the file">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">What the import would do with each row of the file</caption>
          <thead className="sticky top-0 bg-white dark:bg-slate-900">
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="px-2 py-1 font-medium">Row</th>
              <th scope="col" className="px-2 py-1 font-medium">Name</th>
              <th scope="col" className="px-2 py-1 font-medium">Outcome</th>
              <th scope="col" className="px-2 py-1 font-medium">Details</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.row} className="border-b border-slate-100 align-top dark:border-slate-800" data-outcome={row.outcome}>
                <td className="px-2 py-1 tabular-nums">{row.row}</td>
                <td className="px-2 py-1 break-words">{row.label}</td>
                <td className={`px-2 py-1 font-medium ${OUTCOME_STYLES[row.outcome]}`}>{OUTCOME_LABELS[row.outcome]}</td>
                <td className="px-2 py-1">
                  {row.outcome === 'rejected' ? <Lines lines={row.reasons} /> : <Lines lines={row.changes.map((c) => describeChange(row.outcome, c))} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="list-disc pl-4">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export function describeChange(outcome: RowOutcome, change: FieldChange): string {
  if (outcome === 'create' || change.from === '') return `${change.field}: ${change.to}`;
  return `${change.field}: ${change.from} → ${change.to}`;
}
