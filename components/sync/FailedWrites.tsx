import { useState } from 'react';
import { askStore } from '@/lib/messaging/ask-store';
import type { SyncStateView } from '@/lib/sync/sync-view';

interface FailedWritesProps {
  failed: SyncStateView['failed'];
  onChange: (state: SyncStateView) => void;
}

/**
 * Writes the workspace refused for good, each with the server's own
 * message. Retry sends it again (after the cause was fixed, say an admin
 * added the CSM back); Discard drops the upload, and the record then lives
 * in this browser only, which the button's description says.
 */
export function FailedWrites({ failed, onChange }: FailedWritesProps) {
  const [problem, setProblem] = useState<string | null>(null);
  if (failed.length === 0) return null;

  const act = async (type: 'sync.retry-failed' | 'sync.discard-failed', entry_id: string) => {
    const answer = await askStore({ type, entry_id });
    if (answer.ok) {
      setProblem(null);
      onChange(answer.value);
    } else setProblem(answer.error.message);
  };

  return (
    <section aria-labelledby="failed-writes" className="space-y-2">
      <h2 id="failed-writes" className="text-sm font-semibold text-red-700 dark:text-red-400">
        Refused by the workspace
      </h2>
      <ul className="space-y-2">
        {failed.map((write) => (
          <li key={write.entry_id} data-testid="failed-write" className="rounded border border-red-200 p-2 text-sm dark:border-red-900">
            <p className="font-medium">
              {write.op === 'delete' ? 'Deleting ' : ''}
              {write.label ?? write.record_id} <span className="text-xs text-slate-500">({write.record_kind.replaceAll('_', ' ')})</span>
            </p>
            <p className="text-slate-700 dark:text-slate-300">
              {write.message}
              {write.code && <span className="text-xs text-slate-500"> [{write.code}]</span>}
            </p>
            <div className="mt-1 flex gap-2">
              <button type="button" onClick={() => void act('sync.retry-failed', write.entry_id)} className="rounded bg-brand-600 px-2 py-0.5 text-white hover:bg-brand-700">
                Retry
              </button>
              <button
                type="button"
                onClick={() => void act('sync.discard-failed', write.entry_id)}
                title="Stop sending this change. The record stays in this browser only; your team will not see it."
                className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
              >
                Discard (keep it in this browser only)
              </button>
            </div>
          </li>
        ))}
      </ul>
      {problem && <p role="alert" className="text-sm text-red-700">{problem}</p>}
    </section>
  );
}
