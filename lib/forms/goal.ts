import type { BuildContext } from './build-context';
import { dayOrNull, sourceColumns } from './form-values';
import { validateDraft, type BuildResult, type DraftOf, type FieldMap } from './validate';

export interface GoalFormValues {
  statement: string;
  /** The last day the customer said the goal still holds; `''`: not confirmed. */
  confirmed_current_on: string;
  stakeholder_ids: string[];
}

export const GOAL_DEFAULTS: GoalFormValues = { statement: '', confirmed_current_on: '', stakeholder_ids: [] };

export const FIELDS: FieldMap = { statement: 'statement', confirmed_current_on: 'confirmed_current_on', stakeholder_ids: 'stakeholder_ids' };

export function buildGoal(values: GoalFormValues, ctx: BuildContext): BuildResult<DraftOf<'goals'>> {
  return validateDraft(
    'goals',
    {
      id: ctx.id,
      account_id: ctx.accountId,
      statement: values.statement.trim(),
      confirmed_current_on: dayOrNull(values.confirmed_current_on),
      stakeholder_ids: values.stakeholder_ids,
      ...sourceColumns(ctx.source),
    },
    FIELDS,
  );
}
