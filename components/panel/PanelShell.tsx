import { HOST_LABELS, type HostId } from '@/lib/hosts/supported-hosts';
import { TOGGLE_PANEL_SHORTCUT } from '@/lib/dock/shortcut';
import { sendToBackground } from '@/lib/messaging/send';
import { SyncStatus } from '../sync/SyncStatus';
import { ContextView } from './ContextView';
import { useTabContext } from './use-tab-context';

interface PanelShellProps {
  /** The host the panel is docked in, when it was opened by a content script. */
  host: HostId | undefined;
}

/** The frame of the panel: header with the collapse control, and the body. */
export function PanelShell({ host }: PanelShellProps) {
  const tabContext = useTabContext();
  const collapse = () => {
    void sendToBackground({ type: 'panel.set-open', open: false }).catch(() => undefined);
  };

  return (
    <div className="flex h-full flex-col bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <span aria-hidden="true" className="h-2.5 w-2.5 rounded-full bg-brand-600" />
        <h1 className="text-sm font-semibold">Sidecar</h1>
        {host && <span className="text-xs text-slate-600 dark:text-slate-300">in {HOST_LABELS[host]}</span>}
        <SyncStatus />
        <a href="/dashboard.html" target="_blank" rel="noopener" className="text-xs underline" data-testid="open-dashboard">
          Dashboard
        </a>
        <button
          type="button"
          onClick={collapse}
          aria-label="Collapse the Sidecar panel"
          title={`Collapse (${TOGGLE_PANEL_SHORTCUT})`}
          className="ml-auto rounded px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-slate-800 dark:hover:text-white"
        >
          <span aria-hidden="true">⟩</span>
        </button>
      </header>
      <main className="flex flex-1 flex-col overflow-y-auto">
        <ContextView state={tabContext} />
      </main>
    </div>
  );
}
