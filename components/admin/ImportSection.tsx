import { useState, type ChangeEvent } from 'react';
import { askAdmin } from '@/lib/admin/ask-admin';
import type { ImportResult } from '@/lib/admin/admin-values';
import { MAX_FILE_BYTES, MAX_ROWS } from '@/lib/import/csv';
import { IMPORT_COLUMNS } from '@/lib/import/plan-import';
import type { ImportKind, ImportReport } from '@/lib/import/plan-types';
import { Card, inputClass, primaryButton, Problem, secondaryButton } from '../options/Card';
import { describeSync } from '../sync/describe-sync';
import { FailedWrites } from '../sync/FailedWrites';
import { useSyncState } from '../sync/use-sync-state';
import { FieldError, Saved } from './FieldError';
import { ImportReportView } from './ImportReportView';

const KIND_LABELS: Readonly<Record<ImportKind, string>> = { accounts: 'Accounts', stakeholders: 'Stakeholders' };

/**
 * Import accounts or stakeholders from a CSV file: a dry run first, which
 * reports what every row would do and writes nothing; then, only when the
 * admin confirms, the rows to create or update are written (through this
 * browser's outbox, so each reaches the workspace exactly once).
 */
export function ImportSection() {
  const [kind, setKind] = useState<ImportKind>('accounts');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);

  const reset = () => {
    setReport(null);
    setResult(null);
    setProblem(null);
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    reset();
    setFile(null);
    const chosen = event.target.files?.[0];
    if (!chosen) return setFileError(null);
    if (chosen.size > MAX_FILE_BYTES) return setFileError(`${chosen.name} is over the ${MAX_FILE_BYTES / (1024 * 1024)} MB limit. Split it into smaller files.`);
    setFileError(null);
    setFile({ name: chosen.name, text: await chosen.text() });
  };

  const check = async () => {
    if (!file) return setFileError('Choose a CSV file first.');
    reset();
    setBusy('checking');
    const answer = await askAdmin({ type: 'admin.import-plan', kind, csv: file.text }).finally(() => setBusy(null));
    if (answer.ok) setReport(answer.value);
    else if (answer.error.field === 'file') setFileError(answer.error.message);
    else setProblem(answer.error.message);
  };

  const confirm = async () => {
    if (!file || !report) return;
    setBusy('importing');
    setProblem(null);
    const answer = await askAdmin({ type: 'admin.import-apply', kind, csv: file.text, digest: report.digest }).finally(() => setBusy(null));
    if (!answer.ok) {
      if (answer.error.code === 'changed') setReport(null);
      return setProblem(answer.error.message);
    }
    setReport(null);
    setResult(answer.value);
  };

  const writing = report ? report.counts.create + report.counts.update : 0;
  return (
    <Card title="Import from a CSV file" testId="import">
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 font-medium">The file holds</legend>
        {(Object.keys(KIND_LABELS) as ImportKind[]).map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => (setKind(k), reset())} />
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      <p id="import-help" className="text-sm text-slate-600 dark:text-slate-300">
        Columns: {IMPORT_COLUMNS[kind].columns.join(', ')} (required: {IMPORT_COLUMNS[kind].required.join(', ')}). The first row names the columns. At most{' '}
        {MAX_ROWS.toLocaleString('en')} rows and {MAX_FILE_BYTES / (1024 * 1024)} MB per file. An empty cell keeps what is stored.
        {kind === 'stakeholders' && ' Import the accounts first: the account column names one by a domain or its name.'}
      </p>
      <label className="block text-sm">
        CSV file
        <input
          type="file"
          accept=".csv,text/csv"
          className={inputClass}
          onChange={(event) => void choose(event)}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={`import-help${fileError ? ' import-file-error' : ''}`}
        />
      </label>
      <FieldError id="import-file-error" text={fileError} />
      <button type="button" className={secondaryButton} disabled={busy !== null} onClick={() => void check()}>
        {busy === 'checking' ? 'Checking…' : 'Check file (nothing is written)'}
      </button>
      {report && (
        <>
          <ImportReportView report={report} />
          {writing > 0 ? (
            <button type="button" className={primaryButton} disabled={busy !== null} onClick={() => void confirm()}>
              {busy === 'importing' ? 'Importing…' : `Import ${writing} row${writing === 1 ? '' : 's'}`}
            </button>
          ) : (
            <p className="text-sm">Nothing to write: every row is unchanged or rejected.</p>
          )}
        </>
      )}
      <Problem text={problem} />
      <Saved text={result ? describeResult(result) : null} />
      {result && result.waiting > 0 && <UploadProgress />}
    </Card>
  );
}

export function describeResult(result: ImportResult): string {
  const what = `${result.created} created, ${result.updated} updated`;
  if (result.waiting === 0) return `Imported: ${what}. Everything has reached the workspace.`;
  const one = result.waiting === 1;
  const writes = `${result.waiting} write${one ? '' : 's'}`;
  if (!result.sync_error) return `Imported: ${what}. ${writes} ${one ? 'is' : 'are'} still being sent to the workspace; the sync line below follows them.`;
  return `Imported: ${what}. ${writes} ${one ? 'waits' : 'wait'} in this browser and will be sent by the sync (${result.sync_error}).`;
}

/** After an import that left writes in the outbox: the sync line, live, and any write the workspace refused. */
function UploadProgress() {
  const { state, apply } = useSyncState();
  if (!state) return null;
  return (
    <div className="space-y-2 text-sm">
      <p data-testid="import-sync">Sync: {describeSync(state).text}</p>
      <FailedWrites failed={state.failed} onChange={apply} />
    </div>
  );
}
