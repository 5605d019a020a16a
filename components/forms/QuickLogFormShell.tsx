import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { HOST_LABELS } from '@/lib/hosts/supported-hosts';
import type { RecordSource } from './form-types';

interface QuickLogFormShellProps {
  title: string;
  formRef: RefObject<HTMLFormElement | null>;
  source?: RecordSource | undefined;
  formError?: string | undefined;
  saving: boolean;
  submitLabel?: string;
  onSubmit(event: FormEvent): void;
  onCancel(): void;
  children: ReactNode;
}

/**
 * The frame of every quick-logging form: the heading (focused when the form
 * opens, so a screen reader says where it landed), where the record comes
 * from, the form-level error, and Save / Cancel. Escape cancels; Ctrl+Enter
 * (⌘+Enter) saves from inside a multi-line field, where Enter adds a line.
 */
export function QuickLogFormShell({ title, formRef, source, formError, saving, submitLabel = 'Save', onSubmit, onCancel, children }: QuickLogFormShellProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  return (
    <form ref={formRef} aria-labelledby={headingId} noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} className="flex flex-col gap-3 p-4">
      <div className="flex flex-col gap-0.5">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-base font-semibold focus:outline-none">
          {title}
        </h2>
        {source && <SourceLine source={source} />}
      </div>
      {formError && (
        <p
          role="alert"
          tabIndex={-1}
          data-form-error
          className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {formError}
        </p>
      )}
      {children}
      <div className="flex gap-2 pt-1">
        <button
          type="submit"
          disabled={saving}
          className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
        >
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

function SourceLine({ source }: { source: RecordSource }) {
  const where = `Linked to this ${source.host === 'google-calendar' ? 'event' : 'thread'} in ${HOST_LABELS[source.host]}`;
  return (
    <p className="text-xs text-slate-500 dark:text-slate-400">
      {source.url ? (
        <a href={source.url} target="_blank" rel="noreferrer noopener" className="underline hover:text-slate-800 dark:hover:text-slate-200">
          {where}
        </a>
      ) : (
        where
      )}
    </p>
  );
}
