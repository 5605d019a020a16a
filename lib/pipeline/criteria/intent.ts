import type { IntentSignalFact, IntentSignalKind, OpportunityFacts } from '../facts';
import { defineCriterion, lacks, met, type Verdict } from './criterion';

/**
 * Intent → Net Revenue Close: the customer is organising the decision.
 *
 * How each criterion is evidenced (intent signal kinds are in `facts.ts`):
 *
 * | criterion                     | backed by                                                            |
 * |-------------------------------|----------------------------------------------------------------------|
 * | decision_timing_known         | signal `decision_timing_known`                                        |
 * | budget_owner_identified       | signal `budget_owner_identified`, or a stakeholder with role `budget_owner` |
 * | approval_path_mapped          | signal `approval_path_mapped`                                         |
 * | timeline_confirmed            | a `target_date` with `target_date_confirmed_on`, or signal `timeline_confirmed` |
 * | verbal_commitment_with_path   | signal `verbal_commitment` whose `has_next_steps_with_owners` is true |
 * | procurement_engaged           | signal `procurement_engaged` or `stakeholder_introduced_procurement`  |
 * | legal_review                  | signal `legal_review`                                                 |
 * | security_review               | signal `security_review`                                              |
 * | exec_conversation_scheduled   | signal `exec_conversation_scheduled`, or any `executive_conversation` meeting |
 * | commercial_partner_engaged    | signal `commercial_partner_engaged`                                   |
 *
 * `renewal_planning_discussed`, `budget_reallocated`, `risk_raised` and `other` are
 * kept as context for the CSM and back no criterion: talking about renewal planning
 * is interest, not a path. A signal's date does not expire it.
 */
// The texts are exported for the one-pass evaluation (`one-pass/intent.ts`), which
// must say exactly what these rules say.
export const NO_DECISION_TIMING = lacks('When the customer plans budget and decides is not known yet.');
export const NO_BUDGET_OWNER = lacks('Nobody is known to own the budget for this.');
export const NO_APPROVAL_PATH = lacks('Who approves this, and in what order, is not mapped yet.');
export const NO_TARGET_DATE = lacks('There is no target decision date yet.');
export const TARGET_DATE_UNCONFIRMED = lacks('The target decision date is ours: the customer has not confirmed it.');
export const YES_WITHOUT_PATH = 'The customer said yes, but no next step has an owner: that is hope, not yet a path.';
export const NO_YES = lacks('The customer has not said yes yet.');
export const NO_PROCUREMENT = lacks('Procurement is not involved yet.');
export const NO_LEGAL_REVIEW = lacks('Legal review has not come up yet.');
export const NO_SECURITY_REVIEW = lacks('Security review has not come up yet.');
export const NO_EXEC_CONVERSATION = lacks('No executive conversation is scheduled.');
export const NO_COMMERCIAL_PARTNER = lacks('Our commercial team is not involved yet.');

export const INTENT_CRITERIA = [
  defineCriterion({
    id: 'decision_timing_known',
    stage: 'intent',
    importance: 'required',
    label: 'Decision and budget timing known',
    question: 'When does your team usually plan budgets for the year ahead, and how early should we prepare together?',
    isMet: (facts) => hasSignal(facts, 'decision_timing_known'),
    explain: (facts) => bySignal(facts, 'decision_timing_known', NO_DECISION_TIMING),
  }),
  defineCriterion({
    id: 'budget_owner_identified',
    stage: 'intent',
    importance: 'required',
    label: 'Budget owner identified',
    question: 'Whose budget would this usually come from, so they have what they need well ahead of time?',
    isMet: (facts) => hasSignal(facts, 'budget_owner_identified') || facts.stakeholders.some((s) => s.roles.includes('budget_owner')),
    explain: (facts) => {
      const evidence = signalIds(facts.intent_signals, 'budget_owner_identified');
      for (const s of facts.stakeholders) if (s.roles.includes('budget_owner')) evidence.push(s.id);
      return evidence.length > 0 ? met(evidence) : NO_BUDGET_OWNER;
    },
  }),
  defineCriterion({
    id: 'approval_path_mapped',
    stage: 'intent',
    importance: 'required',
    label: 'Approval path mapped',
    question: 'As this moves forward, who typically gets involved, and in what order, so each of them has context early?',
    isMet: (facts) => hasSignal(facts, 'approval_path_mapped'),
    explain: (facts) => bySignal(facts, 'approval_path_mapped', NO_APPROVAL_PATH),
  }),
  defineCriterion({
    id: 'timeline_confirmed',
    stage: 'intent',
    importance: 'required',
    label: 'Decision date confirmed by the customer',
    question: 'Is there a date your team is working toward for this decision?',
    isMet: (facts) =>
      hasSignal(facts, 'timeline_confirmed') || (facts.opportunity.target_date !== null && facts.opportunity.target_date_confirmed_on !== null),
    explain: (facts) => {
      const { opportunity } = facts;
      const evidence = signalIds(facts.intent_signals, 'timeline_confirmed');
      if (opportunity.target_date !== null && opportunity.target_date_confirmed_on !== null) evidence.push(opportunity.id);
      if (evidence.length > 0) return met(evidence);
      return opportunity.target_date === null ? NO_TARGET_DATE : TARGET_DATE_UNCONFIRMED;
    },
  }),
  defineCriterion({
    id: 'verbal_commitment_with_path',
    stage: 'intent',
    importance: 'required',
    label: 'Verbal yes with owned next steps',
    question: 'What needs to happen on your side to move ahead, and who will take each step?',
    isMet: ({ intent_signals }) => intent_signals.some((s) => s.kind === 'verbal_commitment' && s.has_next_steps_with_owners),
    explain: ({ intent_signals }) => {
      const withPath: string[] = [];
      const withoutPath: string[] = [];
      for (const signal of intent_signals) {
        if (signal.kind !== 'verbal_commitment') continue;
        (signal.has_next_steps_with_owners ? withPath : withoutPath).push(signal.id);
      }
      if (withPath.length > 0) return met(withPath);
      if (withoutPath.length > 0) return { met: false, evidence: withoutPath, lacking: YES_WITHOUT_PATH };
      return NO_YES;
    },
  }),
  defineCriterion({
    id: 'procurement_engaged',
    stage: 'intent',
    importance: 'recommended',
    label: 'Procurement involved',
    question: 'Does your purchasing team have a process we should plan around, and when would they like to hear from us?',
    isMet: (facts) => hasSignal(facts, 'procurement_engaged', 'stakeholder_introduced_procurement'),
    explain: (facts) => bySignal(facts, 'procurement_engaged', NO_PROCUREMENT, 'stakeholder_introduced_procurement'),
  }),
  defineCriterion({
    id: 'legal_review',
    stage: 'intent',
    importance: 'recommended',
    label: 'Legal review under way',
    question: 'Will your legal team want to look at anything, and how much time do they usually need?',
    isMet: (facts) => hasSignal(facts, 'legal_review'),
    explain: (facts) => bySignal(facts, 'legal_review', NO_LEGAL_REVIEW),
  }),
  defineCriterion({
    id: 'security_review',
    stage: 'intent',
    importance: 'recommended',
    label: 'Security review under way',
    question: 'Are there security or compliance checks this will need to go through on your side?',
    isMet: (facts) => hasSignal(facts, 'security_review'),
    explain: (facts) => bySignal(facts, 'security_review', NO_SECURITY_REVIEW),
  }),
  defineCriterion({
    id: 'exec_conversation_scheduled',
    stage: 'intent',
    importance: 'recommended',
    label: 'Executive conversation scheduled',
    question: 'Would it be useful for your leadership and ours to talk the plan through together?',
    isMet: (facts) => hasSignal(facts, 'exec_conversation_scheduled') || facts.meetings.some((m) => m.kind === 'executive_conversation'),
    explain: (facts) => {
      const evidence = signalIds(facts.intent_signals, 'exec_conversation_scheduled');
      for (const m of facts.meetings) if (m.kind === 'executive_conversation') evidence.push(m.id);
      return evidence.length > 0 ? met(evidence) : NO_EXEC_CONVERSATION;
    },
  }),
  defineCriterion({
    id: 'commercial_partner_engaged',
    stage: 'intent',
    importance: 'recommended',
    label: 'Commercial team involved',
    question: 'Would it help to bring our commercial team in now, so the details are ready when you are?',
    isMet: (facts) => hasSignal(facts, 'commercial_partner_engaged'),
    explain: (facts) => bySignal(facts, 'commercial_partner_engaged', NO_COMMERCIAL_PARTNER),
  }),
] as const;

/** Ids of the signals of `kind` (or of `alsoKind`): a plain loop, as this runs per criterion per opportunity. */
function signalIds(signals: readonly IntentSignalFact[], kind: IntentSignalKind, alsoKind?: IntentSignalKind): string[] {
  const ids: string[] = [];
  for (const signal of signals) if (signal.kind === kind || signal.kind === alsoKind) ids.push(signal.id);
  return ids;
}

function hasSignal(facts: OpportunityFacts, kind: IntentSignalKind, alsoKind?: IntentSignalKind): boolean {
  for (const signal of facts.intent_signals) if (signal.kind === kind || signal.kind === alsoKind) return true;
  return false;
}

function bySignal(facts: OpportunityFacts, kind: IntentSignalKind, lacking: Verdict, alsoKind?: IntentSignalKind): Verdict {
  const ids = signalIds(facts.intent_signals, kind, alsoKind);
  return ids.length > 0 ? met(ids) : lacking;
}
