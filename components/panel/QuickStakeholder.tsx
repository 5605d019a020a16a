import { useId, useState } from 'react';
import { askStore } from '@/lib/messaging/ask-store';
import { STAKEHOLDER_POSITIONS } from '@/lib/pipeline';
import { POSITION_LABELS } from '@/lib/panel/labels';
import type { StakeholderPrefill } from './ParticipantRow';

/**
 * A one-step confirm that adds a participant as a stakeholder with a
 * position. The full stakeholder form (components/forms) replaces it through
 * `onAddStakeholder`; this keeps the one-click path working meanwhile.
 */
export function QuickStakeholder({ prefill, onDone }: { prefill: StakeholderPrefill; onDone: () => void }) {
  const [name, setName] = useState(prefill.name ?? '');
  const [position, setPosition] = useState<(typeof STAKEHOLDER_POSITIONS)[number]>('unknown');
  const [error, setError] = useState<string | null>(null);
  const ids = { name: useId(), position: useId() };
  const save = async () => {
    const answer = await askStore({
      type: 'store.put',
      kind: 'stakeholders',
      record: { id: crypto.randomUUID(), account_id: prefill.account_id, name: name.trim(), email: prefill.email, position },
    });
    if (answer.ok) onDone();
    else setError(answer.error.message);
  };
  return (
    <form
      aria-label={`Add ${prefill.email} as stakeholder`}
      className="mt-1 flex flex-col gap-1 rounded bg-slate-50 p-2 dark:bg-slate-800"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor={ids.name} className="text-xs">
        Name
      </label>
      <input id={ids.name} value={name} required maxLength={200} onChange={(event) => setName(event.target.value)} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900" />
      <label htmlFor={ids.position} className="text-xs">
        Position
      </label>
      <select id={ids.position} value={position} onChange={(event) => setPosition(event.target.value as typeof position)} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900">
        {STAKEHOLDER_POSITIONS.map((p) => (
          <option key={p} value={p}>
            {POSITION_LABELS[p]}
          </option>
        ))}
      </select>
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-brand-700 px-2 py-1 text-xs text-white">
          Save stakeholder
        </button>
        <button type="button" onClick={onDone} className="rounded px-2 py-1 text-xs">
          Cancel
        </button>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
