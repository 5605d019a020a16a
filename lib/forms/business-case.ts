import type { BuildContext } from './build-context';
import { sourceColumns, textOrNull } from './form-values';
import { validateDraft, type BuildResult, type DraftOf, type FieldMap } from './validate';

export interface BusinessCaseFormValues {
  opportunity_id: string;
  goal_answer: string;
  /** `''`: not asked yet. */
  goal_still_current: '' | 'yes' | 'no';
  progress_answer: string;
  path_answer: string;
  success_answer: string;
  portable: boolean;
  stakeholder_ids: string[];
}

export const BUSINESS_CASE_DEFAULTS: BusinessCaseFormValues = {
  opportunity_id: '',
  goal_answer: '',
  goal_still_current: '',
  progress_answer: '',
  path_answer: '',
  success_answer: '',
  portable: false,
  stakeholder_ids: [],
};

export const FIELDS: FieldMap = {
  opportunity_id: 'opportunity_id',
  goal_answer: 'goal_answer',
  goal_still_current: 'goal_still_current',
  progress_answer: 'progress_answer',
  path_answer: 'path_answer',
  success_answer: 'success_answer',
  portable: 'portable',
  stakeholder_ids: 'stakeholder_ids',
};

export function buildBusinessCase(values: BusinessCaseFormValues, ctx: BuildContext): BuildResult<DraftOf<'business_cases'>> {
  return validateDraft(
    'business_cases',
    {
      id: ctx.id,
      account_id: ctx.accountId,
      opportunity_id: values.opportunity_id,
      goal_answer: textOrNull(values.goal_answer),
      goal_still_current: values.goal_still_current === '' ? null : values.goal_still_current === 'yes',
      progress_answer: textOrNull(values.progress_answer),
      path_answer: textOrNull(values.path_answer),
      success_answer: textOrNull(values.success_answer),
      portable: values.portable,
      stakeholder_ids: values.stakeholder_ids,
      ...sourceColumns(ctx.source),
    },
    FIELDS,
  );
}
