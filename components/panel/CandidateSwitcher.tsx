import { useState } from 'react';
import type { RankedCandidate } from '@/lib/recognition';
import { ManualSearch } from './ManualSearch';

interface CandidateSwitcherProps {
  candidates: readonly RankedCandidate[];
  /** Remembers the account for this thread or event; absent when nothing can be remembered (a draft). */
  onChoose?: (accountId: string) => void;
}

/** The other accounts recognition found, one click each, and a search for any other. */
export function CandidateSwitcher({ candidates, onChoose }: CandidateSwitcherProps) {
  const [searching, setSearching] = useState(false);
  const others = candidates.slice(1);
  if (!onChoose) return null;
  return (
    <div className="flex flex-col gap-1" data-testid="candidate-switcher">
      {others.length > 0 && (
        <div className="flex flex-wrap items-center gap-1 text-xs">
          <span className="text-slate-600 dark:text-slate-300">Not this one?</span>
          {others.map((candidate) => (
            <button
              key={candidate.account_id}
              type="button"
              onClick={() => onChoose(candidate.account_id)}
              className="max-w-full truncate rounded border border-slate-300 px-1.5 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              {candidate.accountName}
            </button>
          ))}
        </div>
      )}
      {searching ? (
        <ManualSearch label="Pick another account" onPick={(account) => onChoose(account.id)} />
      ) : (
        <button type="button" onClick={() => setSearching(true)} className="self-start text-xs text-brand-700 underline dark:text-brand-50">
          Choose another account…
        </button>
      )}
    </div>
  );
}
