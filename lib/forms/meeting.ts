import type { BuildContext } from './build-context';
import type { MeetingKind } from './enum-types';
import { sourceColumns, textOrNull } from './form-values';
import { validateDraft, type BuildResult, type DraftOf, type FieldMap } from './validate';

export interface MeetingFormValues {
  opportunity_id: string;
  kind: MeetingKind;
  held_on: string;
  /** The attendees. */
  stakeholder_ids: string[];
  summary: string;
}

export const MEETING_DEFAULTS: MeetingFormValues = { opportunity_id: '', kind: 'alignment_meeting', held_on: '', stakeholder_ids: [], summary: '' };

export const FIELDS: FieldMap = {
  opportunity_id: 'opportunity_id',
  kind: 'kind',
  held_on: 'held_on',
  stakeholder_ids: 'stakeholder_ids',
  summary: 'summary',
};

export function buildMeeting(values: MeetingFormValues, ctx: BuildContext): BuildResult<DraftOf<'meetings'>> {
  return validateDraft(
    'meetings',
    {
      id: ctx.id,
      account_id: ctx.accountId,
      opportunity_id: values.opportunity_id === '' ? null : values.opportunity_id,
      kind: values.kind,
      held_on: values.held_on,
      summary: textOrNull(values.summary),
      stakeholder_ids: values.stakeholder_ids,
      ...sourceColumns(ctx.source),
    },
    FIELDS,
  );
}
