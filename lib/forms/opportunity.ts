import type { StageId } from '../pipeline/stages';
import type { BuildContext } from './build-context';
import type { OpportunitySource, OpportunityType } from './enum-types';
import { amountOrNull, dayOrNull, textOrNull } from './form-values';
import { validateDraft, type BuildResult, type DraftOf, type FieldMap } from './validate';

export interface OpportunityFormValues {
  title: string;
  type: OpportunityType;
  /** `''`: not noted yet (the Identify stage asks for it). */
  source: OpportunitySource | '';
  declared_stage: StageId;
  amount: string;
  target_date: string;
  /** The day the customer confirmed the target date; `''`: only ours so far. */
  target_date_confirmed_on: string;
  notes: string;
}

export const OPPORTUNITY_DEFAULTS: OpportunityFormValues = {
  title: '',
  type: 'renewal',
  source: '',
  declared_stage: 'identify',
  amount: '',
  target_date: '',
  target_date_confirmed_on: '',
  notes: '',
};

export const FIELDS: FieldMap = Object.fromEntries(Object.keys(OPPORTUNITY_DEFAULTS).map((key) => [key, key]));

/** A new opportunity is open; the store stamps when it entered its stage. */
export function buildOpportunity(values: OpportunityFormValues, ctx: BuildContext): BuildResult<DraftOf<'opportunities'>> {
  return validateDraft(
    'opportunities',
    {
      id: ctx.id,
      account_id: ctx.accountId,
      title: values.title.trim(),
      type: values.type,
      source: values.source === '' ? null : values.source,
      declared_stage: values.declared_stage,
      status: 'open',
      amount: amountOrNull(values.amount),
      target_date: dayOrNull(values.target_date),
      target_date_confirmed_on: dayOrNull(values.target_date_confirmed_on),
      notes: textOrNull(values.notes),
    },
    FIELDS,
  );
}
