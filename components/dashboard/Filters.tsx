import type { DashboardFiltersInput } from '@/lib/dashboard';
import type { DashboardMember } from '@/lib/dashboard-data/loaded';
import { OPPORTUNITY_TYPE_LABELS } from '@/lib/forms/labels';
import { OPPORTUNITY_TYPES } from '@/lib/pipeline/facts';
import { EVIDENCE_STAGE_LABELS, STAGE_IDS } from '@/lib/pipeline/stages';

/**
 * What a manager narrows every view to: one CSM, one stage (by evidence or as
 * declared), one opportunity type, a renewal window, and the period of NRR and
 * forecast. How each reaches each view is lib/dashboard/filters.ts.
 */
export function Filters(props: { value: DashboardFiltersInput; members: readonly DashboardMember[]; onChange: (next: DashboardFiltersInput) => void }) {
  const { value, onChange } = props;
  const set = (patch: Partial<DashboardFiltersInput>) => onChange({ ...value, ...patch });
  const field = 'flex flex-col gap-0.5 text-xs font-medium';
  const control = 'rounded border border-slate-300 bg-white px-1 py-0.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900';
  return (
    <form role="search" aria-label="Filters" data-testid="filters" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
      <label className={field}>
        CSM
        <select className={control} value={value.owner_ids?.[0] ?? ''} onChange={(e) => set({ owner_ids: e.target.value ? [e.target.value] : [] })}>
          <option value="">Everyone</option>
          {props.members.map((m) => (
            <option key={m.user_id} value={m.user_id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        Stage
        <select className={control} value={value.stages?.[0] ?? ''} onChange={(e) => set({ stages: e.target.value ? [e.target.value as (typeof STAGE_IDS)[number]] : [] })}>
          <option value="">Every stage</option>
          {[...STAGE_IDS, 'complete' as const].map((s) => (
            <option key={s} value={s}>
              {EVIDENCE_STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        Stage by
        <select className={control} value={value.stage_basis ?? 'evidence'} onChange={(e) => set({ stage_basis: e.target.value as 'evidence' | 'declared' })}>
          <option value="evidence">Evidence</option>
          <option value="declared">Declared</option>
        </select>
      </label>
      <label className={field}>
        Opportunity type
        <select className={control} value={value.types?.[0] ?? ''} onChange={(e) => set({ types: e.target.value ? [e.target.value as (typeof OPPORTUNITY_TYPES)[number]] : [] })}>
          <option value="">Every type</option>
          {OPPORTUNITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {OPPORTUNITY_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        Renewal from
        <input type="date" className={control} value={value.renewal_from ?? ''} onChange={(e) => set({ renewal_from: e.target.value || null })} />
      </label>
      <label className={field}>
        Renewal to
        <input type="date" className={control} value={value.renewal_to ?? ''} onChange={(e) => set({ renewal_to: e.target.value || null })} />
      </label>
      <label className={field}>
        Period from
        <input type="date" className={control} value={value.period_from ?? ''} onChange={(e) => set({ period_from: e.target.value || null })} />
      </label>
      <label className={field}>
        Period to
        <input type="date" className={control} value={value.period_to ?? ''} onChange={(e) => set({ period_to: e.target.value || null })} />
      </label>
      <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-600" onClick={() => onChange({})}>
        Clear filters
      </button>
    </form>
  );
}
