/**
 * Small factories for pipeline facts in tests and benchmarks. Each record gets a
 * fresh, readable UUID (`…-000000000007`), so failures point at a record.
 */
import type {
  BusinessCaseFact,
  CloseRecordFact,
  CommunicationStepFact,
  GoalFact,
  InsightFact,
  IntentSignalFact,
  IntentSignalKind,
  MeetingFact,
  OpportunityFacts,
  OpportunityRecord,
  OutcomeFact,
  StakeholderFact,
  StakeholderPosition,
  StakeholderRole,
  UseCaseFact,
} from '../facts';

let counter = 0;

/** A valid UUID made from a number, e.g. `00000000-0000-4000-8000-00000000002a`. */
export function uuidFor(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function nextId(): string {
  counter += 1;
  return uuidFor(counter);
}

export const ACCOUNT_ID = uuidFor(0xacc);

type FactsPatch = Partial<Omit<OpportunityFacts, 'opportunity'>> & { opportunity?: Partial<OpportunityRecord> };

/** A freshly created open renewal with no evidence at all: Identify, source not noted. */
export function bareFacts(patch: FactsPatch = {}): OpportunityFacts {
  const { opportunity, ...rest } = patch;
  return {
    opportunity: {
      id: nextId(),
      account_id: ACCOUNT_ID,
      type: 'renewal',
      source: null,
      declared_stage: 'identify',
      status: 'open',
      amount: 24_000,
      target_date: null,
      target_date_confirmed_on: null,
      ...opportunity,
    },
    goals: [],
    outcomes: [],
    use_cases: [],
    business_case: null,
    stakeholders: [],
    intent_signals: [],
    insights: [],
    meetings: [],
    communication_steps: [],
    close_record: null,
    ...rest,
  };
}

export function goal(confirmedCurrentOn: string | null): GoalFact {
  return { id: nextId(), confirmed_current_on: confirmedCurrentOn };
}

export function outcome(goalId: string): OutcomeFact {
  return { id: nextId(), goal_id: goalId };
}

export function useCase(status: UseCaseFact['status']): UseCaseFact {
  return { id: nextId(), status };
}

export function businessCase(patch: Partial<Omit<BusinessCaseFact, 'id'>> = {}): BusinessCaseFact {
  return {
    id: nextId(),
    goal_answered: true,
    progress_answered: true,
    path_answered: true,
    success_answered: true,
    portable: true,
    ...patch,
  };
}

export function stakeholder(
  position: StakeholderPosition,
  roles: StakeholderRole[] = ['influencer'],
  influence: StakeholderFact['influence'] = 'medium',
): StakeholderFact {
  return { id: nextId(), roles, position, influence };
}

export function signal(kind: IntentSignalKind, occurredOn: string, hasNextStepsWithOwners = false): IntentSignalFact {
  return { id: nextId(), kind, occurred_on: occurredOn, has_next_steps_with_owners: hasNextStepsWithOwners };
}

export function insight(sharedOn: string | null): InsightFact {
  return { id: nextId(), shared_on: sharedOn };
}

export function meeting(kind: MeetingFact['kind'], heldOn: string): MeetingFact {
  return { id: nextId(), kind, held_on: heldOn };
}

export function step(stakeholderId: string, status: CommunicationStepFact['status'] = 'planned'): CommunicationStepFact {
  return { id: nextId(), stakeholder_id: stakeholderId, status, planned_on: null };
}

export function closeRecord(patch: Partial<Omit<CloseRecordFact, 'id'>> = {}): CloseRecordFact {
  return {
    id: nextId(),
    agreement_finalized_on: '2026-11-01',
    close_reason_count: 2,
    win_summary_sent_on: '2026-11-05',
    advocacy_ask: 'reference',
    next_cycle_goal_count: 1,
    ...patch,
  };
}

/**
 * A won opportunity that meets every criterion, required and recommended, on
 * `today` (dates are fixed; pass a `now` within 90 days after 2026-11-10).
 */
export function fullyEvidencedFacts(): OpportunityFacts {
  const goalRecord = goal('2026-11-01');
  const sponsor = stakeholder('sponsor', ['executive_sponsor', 'budget_owner'], 'high');
  const supporter = stakeholder('supporter', ['champion_user'], 'high');
  const detractor = stakeholder('detractor', ['security'], 'low');
  return bareFacts({
    opportunity: {
      source: 'future_need',
      declared_stage: 'net_revenue_close',
      status: 'won',
      target_date: '2026-12-15',
      target_date_confirmed_on: '2026-10-20',
    },
    goals: [goalRecord],
    outcomes: [outcome(goalRecord.id)],
    use_cases: [useCase('active'), useCase('adjacent_team')],
    business_case: businessCase(),
    stakeholders: [sponsor, supporter, detractor],
    intent_signals: [
      signal('decision_timing_known', '2026-09-01'),
      signal('approval_path_mapped', '2026-09-15'),
      signal('verbal_commitment', '2026-10-20', true),
      signal('procurement_engaged', '2026-10-22'),
      signal('legal_review', '2026-10-25'),
      signal('security_review', '2026-10-25'),
      signal('commercial_partner_engaged', '2026-10-01'),
    ],
    insights: [insight('2026-10-10')],
    meetings: [meeting('alignment_meeting', '2026-09-20'), meeting('executive_conversation', '2026-10-18')],
    communication_steps: [step(sponsor.id), step(supporter.id), step(detractor.id)],
    close_record: closeRecord(),
  });
}
