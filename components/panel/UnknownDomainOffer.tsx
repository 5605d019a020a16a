import { useState } from 'react';
import { askStore } from '@/lib/messaging/ask-store';
import type { UnknownDomain } from '@/lib/recognition';
import { ManualSearch } from './ManualSearch';

/**
 * An external domain no account claims: create an account prefilled from
 * the domain, or link the domain to an account that exists. Either way the
 * domain is stored, so recognition finds the account next time.
 */
export function UnknownDomainOffer({ unknown }: { unknown: UnknownDomain }) {
  const [mode, setMode] = useState<'idle' | 'create' | 'link'>('idle');
  const [name, setName] = useState(unknown.suggestedName);
  const [error, setError] = useState<string | null>(null);

  const linkDomain = async (accountId: string) => {
    const answer = await askStore({ type: 'store.put', kind: 'account_domains', record: { id: crypto.randomUUID(), account_id: accountId, domain: unknown.domain } });
    setError(answer.ok ? null : answer.error.message);
  };
  const create = async () => {
    const id = crypto.randomUUID();
    const answer = await askStore({ type: 'store.put', kind: 'accounts', record: { id, name: name.trim() } });
    if (!answer.ok) return setError(answer.error.message);
    await linkDomain(id);
  };

  return (
    <li className="flex flex-col gap-1 rounded border border-dashed border-slate-300 p-2 dark:border-slate-600" data-unknown-domain={unknown.domain}>
      <p className="text-xs break-words">
        <span className="font-medium">{unknown.domain}</span> is not linked to an account.
      </p>
      {mode === 'idle' && (
        <div className="flex gap-2">
          <button type="button" className="rounded bg-brand-700 px-2 py-1 text-xs text-white" onClick={() => setMode('create')}>
            Create account
          </button>
          <button type="button" className="rounded border border-slate-300 px-2 py-1 text-xs dark:border-slate-600" onClick={() => setMode('link')}>
            Link to an account
          </button>
        </div>
      )}
      {mode === 'create' && (
        <form
          className="flex flex-col gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <label className="text-xs">
            Account name
            <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} className="mt-0.5 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800" />
          </label>
          <button type="submit" className="self-start rounded bg-brand-700 px-2 py-1 text-xs text-white">
            Create {name.trim() || 'account'} with {unknown.domain}
          </button>
        </form>
      )}
      {mode === 'link' && <ManualSearch label={`Link ${unknown.domain} to`} onPick={(account) => void linkDomain(account.id)} />}
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </li>
  );
}
