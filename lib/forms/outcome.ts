import type { BuildContext } from './build-context';
import { sourceColumns, textOrNull } from './form-values';
import { validateDraft, type BuildResult, type DraftOf, type FieldMap } from './validate';

export interface OutcomeFormValues {
  goal_id: string;
  summary: string;
  remaining: string;
  stakeholder_ids: string[];
}

export const OUTCOME_DEFAULTS: OutcomeFormValues = { goal_id: '', summary: '', remaining: '', stakeholder_ids: [] };

export const FIELDS: FieldMap = { goal_id: 'goal_id', summary: 'summary', remaining: 'remaining', stakeholder_ids: 'stakeholder_ids' };

export function buildOutcome(values: OutcomeFormValues, ctx: BuildContext): BuildResult<DraftOf<'outcomes'>> {
  return validateDraft(
    'outcomes',
    {
      id: ctx.id,
      account_id: ctx.accountId,
      goal_id: values.goal_id,
      summary: values.summary.trim(),
      remaining: textOrNull(values.remaining),
      stakeholder_ids: values.stakeholder_ids,
      ...sourceColumns(ctx.source),
    },
    FIELDS,
  );
}
