import type { AccountView } from '@/lib/panel/account-view';

/** The lifecycle milestones the account has reached, oldest first. */
export function Milestones({ milestones }: { milestones: AccountView['milestones'] }) {
  return (
    <section aria-label="Milestones reached" className="flex flex-col gap-1" data-testid="milestones">
      <h4 className="text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Milestones reached</h4>
      {milestones.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-300">None recorded yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-1">
          {milestones.map((m) => (
            <li key={m.kind} className="rounded bg-emerald-50 px-1.5 py-0.5 text-[11px] text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
              <span aria-hidden="true">✓ </span>
              {m.label} · {m.reachedOn}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
