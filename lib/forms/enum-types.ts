import type {
  ADVOCACY_ASK_KINDS,
  COMMUNICATION_STEP_STATUSES,
  MEETING_KINDS,
  MILESTONE_KINDS,
  OPPORTUNITY_SOURCES,
  OPPORTUNITY_TYPES,
  STAKEHOLDER_INFLUENCES,
  USE_CASE_STATUSES,
} from '../pipeline/facts';
import type { INSIGHT_KINDS } from '../schemas/engagement';

/** Value types of the enums that lib/pipeline/facts.ts does not name itself. */
export type StakeholderInfluence = (typeof STAKEHOLDER_INFLUENCES)[number];
export type InsightKind = (typeof INSIGHT_KINDS)[number];
export type UseCaseStatus = (typeof USE_CASE_STATUSES)[number];
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type CommunicationStepStatus = (typeof COMMUNICATION_STEP_STATUSES)[number];
export type AdvocacyAskKind = (typeof ADVOCACY_ASK_KINDS)[number];
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];
export type OpportunitySource = (typeof OPPORTUNITY_SOURCES)[number];
