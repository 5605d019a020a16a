import type { INTENT_SIGNAL_KINDS, MEETING_KINDS, MILESTONE_KINDS, StakeholderPosition, StakeholderRole } from '../pipeline/facts';

type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/**
 * Words the panel shows for the domain's enums (criteria and stages carry
 * their own labels in lib/pipeline). One place, so the account view, the
 * participant rows and the calendar prep say the same thing.
 */
export const POSITION_LABELS: Record<StakeholderPosition, string> = {
  sponsor: 'Sponsor',
  supporter: 'Supporter',
  needs_education: 'Needs education',
  detractor: 'Detractor',
  unknown: 'Position unknown',
};

export const ROLE_LABELS: Record<StakeholderRole, string> = {
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

export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  purchase_welcome: 'Purchase and welcome',
  kickoff: 'Kickoff',
  onboarding_complete: 'Onboarding complete',
  first_value: 'First value',
  value_block: 'Value block',
  insight_shared: 'Insight shared',
  alignment_meeting: 'Alignment meeting',
  renew_grow: 'Renew and grow',
};

export const INTENT_SIGNAL_LABELS: Record<(typeof INTENT_SIGNAL_KINDS)[number], string> = {
  decision_timing_known: 'Decision timing known',
  budget_owner_identified: 'Budget owner identified',
  approval_path_mapped: 'Approval path mapped',
  timeline_confirmed: 'Timeline confirmed',
  verbal_commitment: 'Verbal commitment',
  procurement_engaged: 'Procurement engaged',
  legal_review: 'Legal review',
  security_review: 'Security review',
  exec_conversation_scheduled: 'Executive conversation scheduled',
  commercial_partner_engaged: 'Commercial partner engaged',
  renewal_planning_discussed: 'Renewal planning discussed',
  stakeholder_introduced_procurement: 'Introduced to procurement',
  budget_reallocated: 'Budget reallocated',
  risk_raised: 'Risk raised',
  other: 'Other signal',
};

export const MEETING_LABELS: Record<(typeof MEETING_KINDS)[number], string> = {
  alignment_meeting: 'Alignment meeting',
  executive_conversation: 'Executive conversation',
};
