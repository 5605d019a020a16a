import { useId, useState } from 'react';
import { askStore } from '@/lib/messaging/ask-store';
import type { AccountMatch } from '@/lib/panel/account-search';
import { useStoreQuery } from './use-store-query';

interface ManualSearchProps {
  label: string;
  /** Called with the account the CSM picked. */
  onPick: (account: AccountMatch) => void;
}

/** A search over the local store's accounts by name, alias or domain; a click picks one. */
export function ManualSearch({ label, onPick }: ManualSearchProps) {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const results = useStoreQuery(query.trim() ? () => askStore({ type: 'panel.search-accounts', query }) : null, [query]);
  const matches = query.trim() && results.status === 'ready' ? results.value.accounts : [];
  return (
    <div className="flex flex-col gap-1" data-testid="manual-search">
      <label htmlFor={inputId} className="text-xs font-medium">
        {label}
      </label>
      <input
        id={inputId}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Account name or domain"
        className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
      />
      {query.trim() !== '' && results.status === 'ready' && matches.length === 0 && <p className="text-xs text-slate-600 dark:text-slate-300">No account matches.</p>}
      {matches.length > 0 && (
        <ul className="flex flex-col" aria-label="Matching accounts">
          {matches.map((account) => (
            <li key={account.id}>
              <button
                type="button"
                onClick={() => onPick(account)}
                className="flex w-full min-w-0 flex-col rounded px-2 py-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-slate-800"
              >
                <span className="truncate text-sm">{account.name}</span>
                {account.domains.length > 0 && <span className="truncate text-[11px] text-slate-600 dark:text-slate-300">{account.domains.join(', ')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
