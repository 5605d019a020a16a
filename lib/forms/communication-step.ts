import type { BuildContext } from './build-context';
import type { CommunicationStepStatus } from './enum-types';
import { dayOrNull, sourceColumns } from './form-values';
import { validateDraft, type BuildResult, type DraftOf, type FieldMap } from './validate';

export interface CommunicationStepFormValues {
  opportunity_id: string;
  /** The one stakeholder the conversation is with. */
  stakeholder_id: string;
  purpose: string;
  status: CommunicationStepStatus;
  planned_on: string;
}

export const COMMUNICATION_STEP_DEFAULTS: CommunicationStepFormValues = {
  opportunity_id: '',
  stakeholder_id: '',
  purpose: '',
  status: 'planned',
  planned_on: '',
};

export const FIELDS: FieldMap = {
  opportunity_id: 'opportunity_id',
  stakeholder_id: 'stakeholder_id',
  purpose: 'purpose',
  status: 'status',
  planned_on: 'planned_on',
};

export function buildCommunicationStep(values: CommunicationStepFormValues, ctx: BuildContext): BuildResult<DraftOf<'communication_steps'>> {
  return validateDraft(
    'communication_steps',
    {
      id: ctx.id,
      account_id: ctx.accountId,
      opportunity_id: values.opportunity_id === '' ? null : values.opportunity_id,
      stakeholder_id: values.stakeholder_id,
      purpose: values.purpose.trim(),
      status: values.status,
      planned_on: dayOrNull(values.planned_on),
      // The step's stakeholder is also the record's, so it shows on their card like other evidence.
      stakeholder_ids: values.stakeholder_id === '' ? [] : [values.stakeholder_id],
      ...sourceColumns(ctx.source),
    },
    FIELDS,
  );
}
