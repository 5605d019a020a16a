import type {
  ADVOCACY_ASK_KINDS,
  COMMUNICATION_STEP_STATUSES,
  INTENT_SIGNAL_KINDS,
  MEETING_KINDS,
  MILESTONE_KINDS,
  OPPORTUNITY_SOURCES,
  OPPORTUNITY_TYPES,
  STAKEHOLDER_INFLUENCES,
  STAKEHOLDER_POSITIONS,
  STAKEHOLDER_ROLES,
  USE_CASE_STATUSES,
} from '../pipeline/facts';
import type { INSIGHT_KINDS } from '../schemas/engagement';

/**
 * Every enum value the forms show, in the product's words. One table per
 * enum, typed as an exhaustive `Record`, so a value added to a schema fails
 * the type check here until it has a label.
 */
type LabelsOf<T extends readonly string[]> = Readonly<Record<T[number], string>>;

export const STAKEHOLDER_ROLE_LABELS: LabelsOf<typeof STAKEHOLDER_ROLES> = {
  executive_sponsor: 'Executive sponsor',
  budget_owner: 'Budget owner',
  approver: 'Approver',
  influencer: 'Influencer',
  steering_committee: 'Steering committee',
  champion_user: 'Champion user',
  end_user: 'End user',
  procurement: 'Procurement',
  legal: 'Legal',
  security: 'Security',
  finance: 'Finance',
};

export const STAKEHOLDER_POSITION_LABELS: LabelsOf<typeof STAKEHOLDER_POSITIONS> = {
  sponsor: 'Sponsor',
  supporter: 'Supporter',
  needs_education: 'Needs education',
  detractor: 'Detractor',
  unknown: 'Not known yet',
};

export const STAKEHOLDER_INFLUENCE_LABELS: LabelsOf<typeof STAKEHOLDER_INFLUENCES> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const INTENT_SIGNAL_KIND_LABELS: LabelsOf<typeof INTENT_SIGNAL_KINDS> = {
  decision_timing_known: 'Decision timing known',
  budget_owner_identified: 'Budget owner identified',
  approval_path_mapped: 'Approval path mapped',
  timeline_confirmed: 'Decision date confirmed',
  verbal_commitment: 'Verbal yes',
  procurement_engaged: 'Procurement involved',
  legal_review: 'Legal review started',
  security_review: 'Security review started',
  exec_conversation_scheduled: 'Executive conversation booked',
  commercial_partner_engaged: 'Commercial team involved',
  renewal_planning_discussed: 'Renewal planning discussed',
  stakeholder_introduced_procurement: 'Introduced us to procurement',
  budget_reallocated: 'Budget moved to this',
  risk_raised: 'Risk raised (delay, budget, priorities, people)',
  other: 'Something else',
};

export const INSIGHT_KIND_LABELS: LabelsOf<typeof INSIGHT_KINDS> = {
  adoption_progress: 'Adoption progress',
  operational_improvement: 'Operational improvement',
  business_outcome: 'Business outcome',
  risk_reduced: 'Risk reduced',
  new_opportunity: 'New opportunity',
};

export const USE_CASE_STATUS_LABELS: LabelsOf<typeof USE_CASE_STATUSES> = {
  active: 'In use',
  discussed_not_active: 'Talked about, not in use yet',
  adjacent_team: 'Another team could use it',
};

export const MEETING_KIND_LABELS: LabelsOf<typeof MEETING_KINDS> = {
  alignment_meeting: 'Alignment meeting',
  executive_conversation: 'Executive conversation',
};

export const COMMUNICATION_STEP_STATUS_LABELS: LabelsOf<typeof COMMUNICATION_STEP_STATUSES> = {
  planned: 'Planned',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const ADVOCACY_ASK_LABELS: LabelsOf<typeof ADVOCACY_ASK_KINDS> = {
  quote: 'A quote',
  reference: 'A reference call',
  case_study: 'A case study',
  review: 'A public review',
  referral: 'A referral',
  intro_to_team: 'An introduction to another team',
  internal_story: 'A story to share internally',
};

export const MILESTONE_KIND_LABELS: LabelsOf<typeof MILESTONE_KINDS> = {
  purchase_welcome: 'Purchase welcome',
  kickoff: 'Kickoff',
  onboarding_complete: 'Onboarding complete',
  first_value: 'First value',
  value_block: 'Value block',
  insight_shared: 'Insight shared',
  alignment_meeting: 'Alignment meeting',
  renew_grow: 'Renew or grow',
};

export const OPPORTUNITY_TYPE_LABELS: LabelsOf<typeof OPPORTUNITY_TYPES> = {
  renewal: 'Renewal',
  expansion: 'Expansion',
  upsell: 'Upsell',
  cross_sell: 'Cross-sell',
  new_team: 'New team',
  new_use_case: 'New use case',
};

export const OPPORTUNITY_SOURCE_LABELS: LabelsOf<typeof OPPORTUNITY_SOURCES> = {
  reason_for_purchase: 'Why they bought',
  onboarding_gap: 'A gap from onboarding',
  constraint: 'A constraint they hit',
  future_need: 'A need coming up',
};

/** Stage names come from the pipeline itself, so the forms and the stage view never disagree. */
export { STAGE_LABELS } from '../pipeline/stages';

export const CLOSE_OUTCOME_LABELS = { won: 'Won', lost: 'Lost' } as const;

/** Options for a select, in the enum's order. */
export function optionsOf<K extends string>(labels: Readonly<Record<K, string>>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
