import { useState, type FormEvent } from 'react';
import { askStore } from '@/lib/messaging/ask-store';
import type { SyncStateView } from '@/lib/sync/sync-view';
import { Card, inputClass, primaryButton, Problem } from './Card';

/**
 * For someone signed in who belongs to no organization: create one (and
 * become its admin). Someone invited joins by signing in, not here.
 */
export function CreateOrganization({ onCreated }: { onCreated: (state: SyncStateView) => void }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await askStore({ type: 'org.create', name }).finally(() => setBusy(false));
    if (answer.ok) onCreated(answer.value);
    else setProblem(answer.error.message);
  };

  return (
    <Card title="Create your organization" testId="create-organization">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        You are not a member of any organization yet. If a colleague invited you, ask them to check the address; otherwise create one for your team.
      </p>
      <form onSubmit={(event) => void create(event)} className="space-y-2">
        <label className="block text-sm">
          Organization name
          <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <button type="submit" disabled={busy} className={primaryButton}>
          Create organization
        </button>
      </form>
      <Problem text={problem} />
    </Card>
  );
}
