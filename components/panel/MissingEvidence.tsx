import type { OpportunityView } from '@/lib/panel/account-view';
import { EVIDENCE_STAGE_LABELS } from '@/lib/pipeline';

/**
 * What to gather next for the selected opportunity: each unmet criterion
 * of its evidence stage with the question to ask. When the declared stage
 * is ahead, the criteria it claims without evidence follow, each marked
 * with an icon and the word "Unbacked", not colour alone.
 */
export function MissingEvidence({ opportunity }: { opportunity: OpportunityView }) {
  const extraUnbacked = opportunity.unbacked.filter((criterion) => !opportunity.missing.some((m) => m.id === criterion.id));
  const items = [...opportunity.missing, ...extraUnbacked];
  if (items.length === 0) {
    return <p className="text-xs text-slate-600 dark:text-slate-300">Nothing missing: every criterion of this stage has evidence.</p>;
  }
  return (
    <section aria-label="Missing evidence" className="flex flex-col gap-1" data-testid="missing-evidence">
      <h4 className="text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
        Missing to leave {EVIDENCE_STAGE_LABELS[opportunity.evidenceStage]}
      </h4>
      <ul className="flex flex-col gap-1.5">
        {items.map((criterion) => {
          const unbacked = opportunity.unbackedIds.has(criterion.id);
          return (
            <li key={criterion.id} data-criterion={criterion.id} data-unbacked={unbacked} className="flex min-w-0 flex-col rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
              <span className="flex flex-wrap items-center gap-1 text-xs font-medium break-words">
                {criterion.label}
                {criterion.importance === 'recommended' && <span className="text-[10px] font-normal text-slate-600 dark:text-slate-300">(recommended)</span>}
                {unbacked && (
                  <span className="inline-flex items-center gap-0.5 rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                    <span aria-hidden="true">⚠</span>Unbacked
                  </span>
                )}
              </span>
              <span className="text-xs break-words text-slate-700 italic dark:text-slate-200">“{criterion.question}”</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
