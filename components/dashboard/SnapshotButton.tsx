import { useState } from 'react';
import { SnapshotTaken } from '@/lib/dashboard-data/loaded';
import { askStore } from '@/lib/messaging/ask-store';

/** "Take this week's snapshot" (managers and admins): the first snapshot of an ISO week stands. */
export function SnapshotButton(props: { onTaken: () => void }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const take = async () => {
    setBusy(true);
    try {
      const answer = await askStore({ type: 'dashboard.take-snapshot' });
      if (!answer.ok) return setNote({ text: answer.error.message, error: true });
      const taken = SnapshotTaken.safeParse(answer.value);
      if (!taken.success) return setNote({ text: 'The snapshot answer was not understood.', error: true });
      const at = new Date(taken.data.taken_at).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
      setNote({ text: `Snapshot of the week of ${taken.data.week_start}: ${taken.data.line_count} open opportunities, taken ${at}.`, error: false });
      props.onTaken();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-col items-end gap-1 text-sm">
      <button type="button" disabled={busy} onClick={() => void take()} className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-600">
        {busy ? 'Taking…' : 'Take this week’s snapshot'}
      </button>
      {note && (
        <p role={note.error ? 'alert' : 'status'} data-testid="snapshot-note" className={note.error ? 'text-red-700 dark:text-red-300' : ''}>
          {note.text}
        </p>
      )}
    </div>
  );
}
