import { useId, type ReactNode } from 'react';

/** One view of the dashboard: a titled region with a line saying what it counts. */
export function Section(props: { title: string; about: string; testId: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} data-testid={props.testId} className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-base font-semibold">
          {props.title}
        </h2>
        {props.actions}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">{props.about}</p>
      {props.children}
    </section>
  );
}
