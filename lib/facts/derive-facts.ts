import type { AccountFacts, OpportunityFacts } from '../pipeline/facts';
import type { AccountMilestone } from '../schemas/account';
import type { BusinessCase, Goal, Outcome, UseCase } from '../schemas/alignment';
import type { CloseRecord, IntentSignal } from '../schemas/decision';
import type { CommunicationStep, Insight, Meeting } from '../schemas/engagement';
import type { Opportunity } from '../schemas/opportunity';
import type { Stakeholder } from '../schemas/stakeholder';

/**
 * From stored records to the facts the stage rules read (lib/pipeline/facts.ts).
 * Pure, over plain arrays: the local store calls it, and the database parity
 * test can feed it the same rows it gives the `opportunity_facts` view, whose
 * SQL this mirrors line for line (supabase/migrations/*_read_api.sql).
 *
 * The lists may hold records of other accounts and opportunities: each is
 * filtered here, so a caller can pass one account's records or everything.
 */
export interface FactsSource {
  goals: readonly Goal[];
  outcomes: readonly Outcome[];
  use_cases: readonly UseCase[];
  business_cases: readonly BusinessCase[];
  stakeholders: readonly Stakeholder[];
  intent_signals: readonly IntentSignal[];
  insights: readonly Insight[];
  meetings: readonly Meeting[];
  communication_steps: readonly CommunicationStep[];
  close_records: readonly CloseRecord[];
}

export function deriveOpportunityFacts(opportunity: Opportunity, source: FactsSource): OpportunityFacts {
  const ofAccount = <T extends { account_id: string }>(items: readonly T[]) => items.filter((item) => item.account_id === opportunity.account_id);
  const businessCase = source.business_cases.find((item) => item.opportunity_id === opportunity.id);
  const closeRecord = source.close_records.find((item) => item.opportunity_id === opportunity.id);
  return {
    opportunity: {
      id: opportunity.id,
      account_id: opportunity.account_id,
      type: opportunity.type,
      source: opportunity.source,
      declared_stage: opportunity.declared_stage,
      status: opportunity.status,
      amount: opportunity.amount,
      target_date: opportunity.target_date,
      target_date_confirmed_on: opportunity.target_date_confirmed_on,
    },
    goals: ofAccount(source.goals).map((goal) => ({ id: goal.id, confirmed_current_on: goal.confirmed_current_on })),
    outcomes: ofAccount(source.outcomes).map((outcome) => ({ id: outcome.id, goal_id: outcome.goal_id })),
    use_cases: ofAccount(source.use_cases).map((useCase) => ({ id: useCase.id, status: useCase.status })),
    business_case: businessCase
      ? {
          id: businessCase.id,
          goal_answered: answered(businessCase.goal_answer),
          progress_answered: answered(businessCase.progress_answer),
          path_answered: answered(businessCase.path_answer),
          success_answered: answered(businessCase.success_answer),
          portable: businessCase.portable,
        }
      : null,
    stakeholders: ofAccount(source.stakeholders).map(stakeholderFact),
    intent_signals: source.intent_signals
      .filter((signal) => signal.opportunity_id === opportunity.id)
      .map((signal) => ({
        id: signal.id,
        kind: signal.kind,
        occurred_on: signal.occurred_on,
        has_next_steps_with_owners: signal.has_next_steps_with_owners,
      })),
    insights: ofAccount(source.insights).map((insight) => ({ id: insight.id, shared_on: insight.shared_on })),
    meetings: ofAccount(source.meetings).map((meeting) => ({ id: meeting.id, kind: meeting.kind, held_on: meeting.held_on })),
    communication_steps: ofAccount(source.communication_steps).map((step) => ({
      id: step.id,
      stakeholder_id: step.stakeholder_id,
      status: step.status,
      planned_on: step.planned_on,
    })),
    close_record: closeRecord
      ? {
          id: closeRecord.id,
          agreement_finalized_on: closeRecord.agreement_finalized_on,
          close_reason_count: closeRecord.close_reasons.length,
          win_summary_sent_on: closeRecord.win_summary_sent_on,
          advocacy_ask: closeRecord.advocacy_ask,
          next_cycle_goal_count: closeRecord.next_cycle_goals.length,
        }
      : null,
  };
}

/** The account summary's input: its milestones and stakeholders, and the facts of each of its opportunities. */
export function deriveAccountFacts(
  accountId: string,
  opportunities: readonly Opportunity[],
  milestones: readonly AccountMilestone[],
  source: FactsSource,
): AccountFacts {
  return {
    account: {
      id: accountId,
      milestones: milestones.filter((m) => m.account_id === accountId).map((m) => ({ kind: m.kind, reached_on: m.reached_on })),
    },
    stakeholders: source.stakeholders.filter((s) => s.account_id === accountId).map(stakeholderFact),
    opportunities: opportunities.filter((o) => o.account_id === accountId).map((o) => deriveOpportunityFacts(o, source)),
  };
}

/**
 * An answer counts when it holds anything but blanks, exactly as the
 * `opportunity_facts` view decides it (`answer ~ '[^ \t\n\r\f\v]'`, in
 * supabase/migrations/*_opportunity_facts.sql): otherwise the panel and the
 * dashboard could disagree. tests/db/facts-parity.test.ts holds them together.
 */
const NOT_BLANK = /[^ \t\n\r\f\v]/;

function answered(answer: string | null): boolean {
  return answer !== null && NOT_BLANK.test(answer);
}

function stakeholderFact(stakeholder: Stakeholder) {
  return { id: stakeholder.id, roles: [...stakeholder.roles], position: stakeholder.position, influence: stakeholder.influence };
}
