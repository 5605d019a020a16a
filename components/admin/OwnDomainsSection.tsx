import { useState, type FormEvent } from 'react';
import { readOwnDomains } from '@/lib/admin/admin-forms';
import { askAdmin } from '@/lib/admin/ask-admin';
import { Card, inputClass, primaryButton, Problem } from '../options/Card';
import { FieldError, Saved } from './FieldError';

/**
 * The organization's own email domains: people at these addresses are
 * colleagues, never a customer, so recognition never matches them to an
 * account. A customer account's domain cannot be one (the database refuses).
 */
export function OwnDomainsSection({ domains, canEdit, onChanged }: { domains: string[]; canEdit: boolean; onChanged: () => Promise<void> }) {
  const [typed, setTyped] = useState(domains.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    const read = readOwnDomains(typed);
    if (!read.ok) return setError(read.message);
    setError(null);
    setBusy(true);
    const answer = await askAdmin({ type: 'admin.set-domains', domains: read.domains }).finally(() => setBusy(false));
    if (!answer.ok) {
      if (answer.error.field === 'domains') setError(answer.error.message);
      else setProblem(answer.error.message);
      return;
    }
    setTyped(answer.value.join('\n'));
    setDone(answer.value.length === 0 ? 'Saved: no own domains.' : `Saved ${answer.value.length} domain${answer.value.length === 1 ? '' : 's'}.`);
    await onChanged();
  };

  if (!canEdit) {
    return (
      <Card title="Own domains" testId="own-domains">
        {domains.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No own domains yet.</p>
        ) : (
          <ul className="text-sm" aria-label="Own domains">
            {domains.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </Card>
    );
  }
  return (
    <Card title="Own domains" testId="own-domains">
      <form noValidate onSubmit={(event) => void submit(event)} className="space-y-2">
        <label className="block text-sm">
          Your organization’s email domains, one per line
          <textarea
            className={`${inputClass} font-mono`}
            rows={Math.max(3, Math.min(10, domains.length + 1))}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`own-domains-help${error ? ' own-domains-error' : ''}`}
          />
        </label>
        <p id="own-domains-help" className="text-sm text-slate-600 dark:text-slate-300">
          People writing from these domains are your colleagues: Sidecar never takes them for a customer. At most 50.
        </p>
        <FieldError id="own-domains-error" text={error} />
        <button type="submit" disabled={busy} className={primaryButton}>
          {busy ? 'Saving…' : 'Save domains'}
        </button>
        <Problem text={problem} />
        <Saved text={done} />
      </form>
    </Card>
  );
}
