import { useState, type ChangeEvent } from 'react';
import { askStore } from '@/lib/messaging/ask-store';
import type { StoreIssue } from '@/lib/messaging/store-messages';
import { Card, Problem, secondaryButton } from './Card';

/**
 * Export everything in this browser as one JSON file, and import such a
 * file into an empty store. A refused import lists each record it could not
 * take, with where and why, and changes nothing.
 */
export function YourData() {
  const [problem, setProblem] = useState<string | null>(null);
  const [issues, setIssues] = useState<StoreIssue[]>([]);
  const [imported, setImported] = useState<string | null>(null);

  const exportAll = async () => {
    const answer = await askStore({ type: 'store.export' });
    if (!answer.ok) return setProblem(answer.error.message);
    const blob = new Blob([JSON.stringify(answer.value, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `sidecar-export-${answer.value.exported_at.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setImported(null);
    setIssues([]);
    if (!file) return;
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      return setProblem(`${file.name} is not a JSON file.`);
    }
    const answer = await askStore({ type: 'store.import', document });
    if (!answer.ok) {
      setProblem(answer.error.message);
      return setIssues(answer.error.issues);
    }
    setProblem(null);
    const total = Object.values(answer.value.records).reduce((sum, n) => sum + n, 0);
    setImported(`Imported ${total} records and ${answer.value.outbox} waiting changes.`);
  };

  return (
    <Card title="Your data" testId="your-data">
      <p className="text-sm text-slate-600 dark:text-slate-300">Everything Sidecar keeps in this browser, as one file. Import goes into an empty Sidecar only.</p>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={secondaryButton} onClick={() => void exportAll()}>
          Export
        </button>
        <label className={`${secondaryButton} cursor-pointer`}>
          Import…
          <input type="file" accept="application/json,.json" className="sr-only" onChange={(event) => void importFile(event)} />
        </label>
      </div>
      {imported && <p role="status" className="text-sm text-emerald-700">{imported}</p>}
      <Problem text={problem} />
      {issues.length > 0 && (
        <ul data-testid="import-issues" className="max-h-48 list-disc overflow-y-auto pl-5 text-sm">
          {issues.slice(0, 100).map((issue, index) => (
            <li key={index}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
          {issues.length > 100 && <li>…and {issues.length - 100} more</li>}
        </ul>
      )}
    </Card>
  );
}
