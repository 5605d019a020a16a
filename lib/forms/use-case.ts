import type { BuildContext } from './build-context';
import type { UseCaseStatus } from './enum-types';
import { sourceColumns, textOrNull } from './form-values';
import { validateDraft, type BuildResult, type DraftOf, type FieldMap } from './validate';

export interface UseCaseFormValues {
  name: string;
  status: UseCaseStatus;
  description: string;
  stakeholder_ids: string[];
}

export const USE_CASE_DEFAULTS: UseCaseFormValues = { name: '', status: 'active', description: '', stakeholder_ids: [] };

export const FIELDS: FieldMap = { name: 'name', status: 'status', description: 'description', stakeholder_ids: 'stakeholder_ids' };

export function buildUseCase(values: UseCaseFormValues, ctx: BuildContext): BuildResult<DraftOf<'use_cases'>> {
  return validateDraft(
    'use_cases',
    {
      id: ctx.id,
      account_id: ctx.accountId,
      name: values.name.trim(),
      status: values.status,
      description: textOrNull(values.description),
      stakeholder_ids: values.stakeholder_ids,
      ...sourceColumns(ctx.source),
    },
    FIELDS,
  );
}
