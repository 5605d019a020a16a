import type { BuildContext } from './build-context';
import type { InsightKind } from './enum-types';
import { dayOrNull, sourceColumns, textOrNull } from './form-values';
import { validateDraft, type BuildResult, type DraftOf, type FieldMap } from './validate';

export interface InsightFormValues {
  /** `''`: not tied to one opportunity. */
  opportunity_id: string;
  kind: InsightKind;
  summary: string;
  proof: string;
  /** Who it was shared with (the record's stakeholders). */
  stakeholder_ids: string[];
  /** `''`: still a draft. */
  shared_on: string;
  travels_unedited: boolean;
}

export const INSIGHT_DEFAULTS: InsightFormValues = {
  opportunity_id: '',
  kind: 'adoption_progress',
  summary: '',
  proof: '',
  stakeholder_ids: [],
  shared_on: '',
  travels_unedited: false,
};

export const FIELDS: FieldMap = {
  opportunity_id: 'opportunity_id',
  kind: 'kind',
  summary: 'summary',
  proof: 'proof',
  stakeholder_ids: 'stakeholder_ids',
  shared_on: 'shared_on',
  travels_unedited: 'travels_unedited',
};

export function buildInsight(values: InsightFormValues, ctx: BuildContext): BuildResult<DraftOf<'insights'>> {
  return validateDraft(
    'insights',
    {
      id: ctx.id,
      account_id: ctx.accountId,
      opportunity_id: values.opportunity_id === '' ? null : values.opportunity_id,
      kind: values.kind,
      summary: values.summary.trim(),
      proof: textOrNull(values.proof),
      shared_on: dayOrNull(values.shared_on),
      travels_unedited: values.travels_unedited,
      stakeholder_ids: values.stakeholder_ids,
      ...sourceColumns(ctx.source),
    },
    FIELDS,
  );
}
