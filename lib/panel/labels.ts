/**
 * The panel shows enum values with the same words as the forms that record
 * them: one set of labels, in lib/forms/labels.ts, under the names the panel's
 * components use.
 */
export {
  INTENT_SIGNAL_KIND_LABELS as INTENT_SIGNAL_LABELS,
  MEETING_KIND_LABELS as MEETING_LABELS,
  MILESTONE_KIND_LABELS as MILESTONE_LABELS,
  STAKEHOLDER_POSITION_LABELS as POSITION_LABELS,
  STAKEHOLDER_ROLE_LABELS as ROLE_LABELS,
} from '../forms/labels';
