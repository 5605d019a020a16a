/**
 * fast-check arbitraries for pipeline facts. Ids come from a small pool so links
 * (an outcome's goal, a step's stakeholder) hit real records often, and dates
 * straddle the freshness windows around `PROPERTY_NOW`.
 */
import fc from 'fast-check';
import {
  ADVOCACY_ASK_KINDS,
  COMMUNICATION_STEP_STATUSES,
  INTENT_SIGNAL_KINDS,
  MEETING_KINDS,
  OPPORTUNITY_SOURCES,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TYPES,
  STAKEHOLDER_INFLUENCES,
  STAKEHOLDER_POSITIONS,
  STAKEHOLDER_ROLES,
  USE_CASE_STATUSES,
  type OpportunityFacts,
} from '../facts';
import { STAGE_IDS } from '../stages';
import { fullyEvidencedFacts, uuidFor } from './facts-factory';

export const PROPERTY_NOW = '2026-11-22';

const id = fc.integer({ min: 1, max: 12 }).map(uuidFor);
/** Days from about a year before `PROPERTY_NOW` to two months after it. */
const day = fc.integer({ min: -400, max: 60 }).map((offset) => new Date(Date.UTC(2026, 10, 22 + offset)).toISOString().slice(0, 10));
const list = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 5 });

/** Facts drawn field by field: mostly early-stage, since every stage needs several records at once. */
const randomFactsArbitrary: fc.Arbitrary<OpportunityFacts> = fc.record({
  opportunity: fc.record({
    id,
    account_id: fc.constant(uuidFor(0xacc)),
    type: fc.constantFrom(...OPPORTUNITY_TYPES),
    source: fc.option(fc.constantFrom(...OPPORTUNITY_SOURCES)),
    declared_stage: fc.constantFrom(...STAGE_IDS),
    status: fc.constantFrom(...OPPORTUNITY_STATUSES),
    amount: fc.option(fc.integer({ min: 0, max: 500_000 })),
    target_date: fc.option(day),
    target_date_confirmed_on: fc.option(day),
  }),
  goals: list(fc.record({ id, confirmed_current_on: fc.option(day) })),
  outcomes: list(fc.record({ id, goal_id: id })),
  use_cases: list(fc.record({ id, status: fc.constantFrom(...USE_CASE_STATUSES) })),
  business_case: fc.option(
    fc.record({
      id,
      goal_answered: fc.boolean(),
      progress_answered: fc.boolean(),
      path_answered: fc.boolean(),
      success_answered: fc.boolean(),
      portable: fc.boolean(),
    }),
  ),
  stakeholders: fc.array(
    fc.record({
      id,
      roles: fc.uniqueArray(fc.constantFrom(...STAKEHOLDER_ROLES), { maxLength: 3 }),
      position: fc.constantFrom(...STAKEHOLDER_POSITIONS),
      influence: fc.option(fc.constantFrom(...STAKEHOLDER_INFLUENCES)),
    }),
    { maxLength: 6 },
  ),
  intent_signals: fc.array(
    fc.record({ id, kind: fc.constantFrom(...INTENT_SIGNAL_KINDS), occurred_on: day, has_next_steps_with_owners: fc.boolean() }),
    { maxLength: 8 },
  ),
  insights: list(fc.record({ id, shared_on: fc.option(day) })),
  meetings: list(fc.record({ id, kind: fc.constantFrom(...MEETING_KINDS), held_on: day })),
  communication_steps: list(
    fc.record({ id, stakeholder_id: id, status: fc.constantFrom(...COMMUNICATION_STEP_STATUSES), planned_on: fc.option(day) }),
  ),
  close_record: fc.option(
    fc.record({
      id,
      agreement_finalized_on: fc.option(day),
      close_reason_count: fc.integer({ min: 0, max: 3 }),
      win_summary_sent_on: fc.option(day),
      advocacy_ask: fc.option(fc.constantFrom(...ADVOCACY_ASK_KINDS)),
      next_cycle_goal_count: fc.integer({ min: 0, max: 3 }),
    }),
  ),
});

/**
 * `base` with the evidence of `extra` added: lists joined, empty slots filled and
 * flags only switched on. Status and declared stage stay those of `base`: they are
 * not evidence.
 */
export function withMoreEvidence(base: OpportunityFacts, extra: OpportunityFacts): OpportunityFacts {
  const o = base.opportunity;
  const bc = base.business_case;
  const xbc = extra.business_case;
  const close = base.close_record;
  const xclose = extra.close_record;
  return {
    opportunity: {
      ...o,
      source: o.source ?? extra.opportunity.source,
      target_date: o.target_date ?? extra.opportunity.target_date,
      target_date_confirmed_on: o.target_date_confirmed_on ?? extra.opportunity.target_date_confirmed_on,
    },
    goals: [...base.goals, ...extra.goals],
    outcomes: [...base.outcomes, ...extra.outcomes],
    use_cases: [...base.use_cases, ...extra.use_cases],
    business_case:
      bc && xbc
        ? {
            ...bc,
            goal_answered: bc.goal_answered || xbc.goal_answered,
            progress_answered: bc.progress_answered || xbc.progress_answered,
            path_answered: bc.path_answered || xbc.path_answered,
            success_answered: bc.success_answered || xbc.success_answered,
            portable: bc.portable || xbc.portable,
          }
        : (bc ?? xbc),
    stakeholders: [...base.stakeholders, ...extra.stakeholders],
    intent_signals: [...base.intent_signals, ...extra.intent_signals],
    insights: [...base.insights, ...extra.insights],
    meetings: [...base.meetings, ...extra.meetings],
    communication_steps: [...base.communication_steps, ...extra.communication_steps],
    close_record:
      close && xclose
        ? {
            ...close,
            agreement_finalized_on: close.agreement_finalized_on ?? xclose.agreement_finalized_on,
            close_reason_count: Math.max(close.close_reason_count, xclose.close_reason_count),
            win_summary_sent_on: close.win_summary_sent_on ?? xclose.win_summary_sent_on,
            advocacy_ask: close.advocacy_ask ?? xclose.advocacy_ask,
            next_cycle_goal_count: Math.max(close.next_cycle_goal_count, xclose.next_cycle_goal_count),
          }
        : (close ?? xclose),
  };
}

/**
 * Facts with some evidence of `base` taken away: each list is kept whole or cut to
 * a random sub-list, each slot kept or emptied. Most parts are kept, so a rich
 * `base` yields facts at every stage rather than mostly empty ones.
 */
export function lessEvidenceArbitrary(base: OpportunityFacts): fc.Arbitrary<OpportunityFacts> {
  const sub = <T>(items: readonly T[]): fc.Arbitrary<T[]> =>
    fc.oneof({ weight: 4, arbitrary: fc.constant<T[]>([...items]) }, { weight: 1, arbitrary: fc.subarray([...items]) });
  const oneInFive = fc.integer({ min: 0, max: 4 }).map((n) => n === 0);
  const keepOrDrop = <T>(value: T) => fc.oneof({ weight: 4, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: fc.constant(null) });
  return fc.record({
    opportunity: fc.record({ dropSource: oneInFive, dropConfirmation: oneInFive }).map(({ dropSource, dropConfirmation }) => ({
      ...base.opportunity,
      source: dropSource ? null : base.opportunity.source,
      target_date_confirmed_on: dropConfirmation ? null : base.opportunity.target_date_confirmed_on,
    })),
    goals: sub(base.goals),
    outcomes: sub(base.outcomes),
    use_cases: sub(base.use_cases),
    business_case: keepOrDrop(base.business_case),
    stakeholders: sub(base.stakeholders),
    intent_signals: sub(base.intent_signals),
    insights: sub(base.insights),
    meetings: sub(base.meetings),
    communication_steps: sub(base.communication_steps),
    close_record: keepOrDrop(base.close_record),
  });
}

/**
 * Facts spread over every stage: field-by-field random facts, or a fully evidenced
 * opportunity (any status, any declared stage) with random evidence taken away and
 * random records added.
 */
export const opportunityFactsArbitrary: fc.Arbitrary<OpportunityFacts> = fc.oneof(
  randomFactsArbitrary,
  fc
    .record({ status: fc.constantFrom(...OPPORTUNITY_STATUSES), declared: fc.constantFrom(...STAGE_IDS) })
    .chain(({ status, declared }) => {
      const full = fullyEvidencedFacts();
      return lessEvidenceArbitrary({ ...full, opportunity: { ...full.opportunity, status, declared_stage: declared } });
    })
    .chain((rich) => fc.option(randomFactsArbitrary).map((extra) => (extra ? withMoreEvidence(rich, extra) : rich))),
);
