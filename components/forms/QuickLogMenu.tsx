import { NEEDS_OPPORTUNITY, QUICK_LOG_KINDS, QUICK_LOG_LABELS, type QuickLogKind } from '@/lib/forms/quick-log-kinds';

interface QuickLogMenuProps {
  /** Whether an opportunity is in view: kinds that belong to one are offered only then. */
  hasOpportunity: boolean;
  /** Whether the page is about a known account; when not, only "New account" is offered. */
  hasAccount: boolean;
  onChoose(kind: QuickLogKind): void;
}

/** The list of things the CSM can log from here, as plain buttons (Tab and Enter). */
export function QuickLogMenu({ hasOpportunity, hasAccount, onChoose }: QuickLogMenuProps) {
  const kinds = QUICK_LOG_KINDS.filter((kind) => (hasAccount ? kind !== 'account' && (hasOpportunity || !NEEDS_OPPORTUNITY.has(kind)) : kind === 'account'));
  return (
    <nav aria-label="Log something" className="flex flex-col gap-1 p-4">
      <h2 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">Log</h2>
      <ul className="flex flex-wrap gap-1.5">
        {kinds.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              onClick={() => onChoose(kind)}
              className="rounded-full border border-slate-300 px-2.5 py-1 text-xs text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
            >
              {QUICK_LOG_LABELS[kind]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
