import type { ReactNode } from 'react';

/** One section of the options page: a titled card. */
export function Card({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} aria-label={title} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <h2 className="text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export const inputClass =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:bg-slate-800';
export const primaryButton = 'rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50';
export const secondaryButton = 'rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** A problem the page shows beside the form it came from. */
export function Problem({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      {text}
    </p>
  );
}
