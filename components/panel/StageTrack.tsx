import type { EvidenceStage, StageId } from '@/lib/pipeline';
import { stageTrack, stageTrackSummary } from '@/lib/panel/account-view';

/**
 * The five stages in a row, with the declared stage and the evidence stage
 * marked side by side. Marks differ in shape and letter as well as colour
 * (D for declared, E for evidence), and the whole track is also a sentence
 * for screen readers.
 */
export function StageTrack({ declared, evidence }: { declared: StageId; evidence: EvidenceStage }) {
  const summary = stageTrackSummary(declared, evidence);
  return (
    <div className="flex flex-col gap-1" data-testid="stage-track" data-declared={declared} data-evidence={evidence}>
      <p className="sr-only">{summary}</p>
      <ol className="grid grid-cols-5 gap-0.5" aria-hidden="true" title={summary}>
        {stageTrack(declared, evidence).map((step) => (
          <li key={step.stage} className="flex min-w-0 flex-col items-center gap-0.5">
            <span
              className={`h-1.5 w-full rounded-full ${step.passed ? 'bg-emerald-600 dark:bg-emerald-400' : step.evidence ? 'bg-brand-600 dark:bg-brand-50' : 'bg-slate-200 dark:bg-slate-700'}`}
            />
            <span className="flex h-4 items-center gap-0.5 text-[10px] font-semibold">
              {step.evidence && <span className="rounded-sm bg-brand-700 px-0.5 text-white dark:bg-brand-50 dark:text-slate-900">E</span>}
              {step.declared && <span className="rounded-full border border-slate-600 px-0.5 text-slate-700 dark:border-slate-300 dark:text-slate-200">D</span>}
            </span>
            <span className="w-full truncate text-center text-[10px] text-slate-600 dark:text-slate-300">{step.label}</span>
          </li>
        ))}
      </ol>
      <p className="text-[11px] text-slate-600 dark:text-slate-300" data-testid="stage-summary">
        {summary}
      </p>
    </div>
  );
}
