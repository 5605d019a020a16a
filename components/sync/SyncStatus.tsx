import { browser } from 'wxt/browser';
import { describeSync, type SyncTone } from './describe-sync';
import { useSyncState } from './use-sync-state';

const DOT: Record<SyncTone, string> = {
  solo: 'bg-slate-400',
  ok: 'bg-emerald-500',
  waiting: 'bg-amber-500',
  problem: 'bg-red-600',
};

/**
 * The compact sync line of the panel header: "Synced 2 min ago · 3 waiting",
 * "Offline · 5 waiting", "Solo mode", or a problem with a link to the
 * options page, where it can be fixed.
 */
export function SyncStatus() {
  const { state } = useSyncState();
  if (!state) return null;
  const { text, tone } = describeSync(state);
  const openOptions = () => void browser.runtime.openOptionsPage().catch(() => undefined);
  return (
    <span data-testid="sync-status" data-tone={tone} className="flex min-w-0 items-center gap-1 text-xs text-slate-600 dark:text-slate-300" title={text}>
      <span aria-hidden="true" className={`h-1.5 w-1.5 shrink-0 rounded-full ${DOT[tone]}`} />
      <span className="truncate">{text}</span>
      {tone === 'problem' && (
        <button type="button" onClick={openOptions} className="shrink-0 underline hover:text-slate-900 dark:hover:text-white">
          Fix
        </button>
      )}
    </span>
  );
}
