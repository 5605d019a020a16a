import type { HostContext } from '@/lib/hosts/host-context';
import { RecognisedAccount } from './RecognisedAccount';
import type { TabContextState } from './use-tab-context';

const VIEW_LABELS: Record<HostContext['view'], string> = {
  thread: 'Email thread',
  event: 'Meeting',
  compose: 'Draft',
  none: '',
};

/** What the panel shows for the page beside it: a context, nothing open, or why it cannot read. */
export function ContextView({ state }: { state: TabContextState }) {
  if (state.status === 'loading') {
    return <p className="p-4 text-xs text-slate-600" role="status">Reading this page…</p>;
  }
  if (state.status === 'disconnected') {
    return (
      <p className="p-4 text-sm" role="status">
        Sidecar was updated. Reload this page to reconnect.
      </p>
    );
  }
  const result = state.context?.result;
  if (!result || (result.ok && result.context.view === 'none')) return <Idle />;
  const readAt = state.context?.readAt ?? 0;
  if (!result.ok) {
    return (
      <div className="flex flex-col">
        <p className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" role="status" data-testid="cannot-read">
          Sidecar cannot read this view.
        </p>
        <div className="p-4">
          <RecognisedAccount context={null} readAt={readAt} />
        </div>
      </div>
    );
  }
  const context = result.context;
  return (
    <article className="flex flex-col gap-3 p-4" aria-label="Open thread or meeting" data-testid="context">
      <header className="flex min-w-0 flex-col gap-0.5">
        <span className="text-[11px] font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-50">
          {VIEW_LABELS[context.view]}
        </span>
        <h2 className="text-base leading-snug font-semibold break-words">{context.title || '(no subject)'}</h2>
        {context.start && (
          <span className="text-xs text-slate-600 dark:text-slate-300">
            {new Date(context.start).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
          </span>
        )}
      </header>
      {context.participants.length === 0 && <p className="text-xs text-slate-600 dark:text-slate-300">No participants on this yet.</p>}
      <RecognisedAccount context={context} readAt={readAt} />
    </article>
  );
}

function Idle() {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-2 p-6 text-center" data-testid="idle">
      <p className="text-sm font-medium">Nothing open yet</p>
      <p className="text-xs text-slate-600 dark:text-slate-300">
        Open an email thread or a meeting, and Sidecar shows the customer account it is about.
      </p>
    </div>
  );
}
