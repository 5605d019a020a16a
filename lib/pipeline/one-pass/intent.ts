import {
  NO_APPROVAL_PATH,
  NO_BUDGET_OWNER,
  NO_COMMERCIAL_PARTNER,
  NO_DECISION_TIMING,
  NO_EXEC_CONVERSATION,
  NO_LEGAL_REVIEW,
  NO_PROCUREMENT,
  NO_SECURITY_REVIEW,
  NO_TARGET_DATE,
  NO_YES,
  TARGET_DATE_UNCONFIRMED,
  YES_WITHOUT_PATH,
} from '../criteria/intent';
import { met, type Verdict } from '../criteria/criterion';
import type { OpportunityFacts } from '../facts';
import { SLOT, slotMask, type VerdictSlots } from './slots';

/** The criteria `explainIntent` fills: every Intent criterion. */
export const INTENT_SLOTS = slotMask([
  'decision_timing_known',
  'budget_owner_identified',
  'approval_path_mapped',
  'timeline_confirmed',
  'verbal_commitment_with_path',
  'procurement_engaged',
  'legal_review',
  'security_review',
  'exec_conversation_scheduled',
  'commercial_partner_engaged',
]);

/**
 * The verdicts of the Intent criteria (`criteria/intent.ts`) from one pass over the
 * intent signals, instead of one pass per criterion: same verdicts, same evidence
 * order (list order, signals before the other records), same texts.
 */
export function explainIntent(facts: OpportunityFacts, out: VerdictSlots): void {
  let timing: string[] | undefined;
  let budget: string[] | undefined;
  let approval: string[] | undefined;
  let timeline: string[] | undefined;
  let yesWithPath: string[] | undefined;
  let yesWithoutPath: string[] | undefined;
  let procurement: string[] | undefined;
  let legal: string[] | undefined;
  let security: string[] | undefined;
  let exec: string[] | undefined;
  let commercial: string[] | undefined;
  for (const signal of facts.intent_signals) {
    switch (signal.kind) {
      case 'decision_timing_known':
        (timing ??= []).push(signal.id);
        break;
      case 'budget_owner_identified':
        (budget ??= []).push(signal.id);
        break;
      case 'approval_path_mapped':
        (approval ??= []).push(signal.id);
        break;
      case 'timeline_confirmed':
        (timeline ??= []).push(signal.id);
        break;
      case 'verbal_commitment':
        if (signal.has_next_steps_with_owners) (yesWithPath ??= []).push(signal.id);
        else (yesWithoutPath ??= []).push(signal.id);
        break;
      case 'procurement_engaged':
      case 'stakeholder_introduced_procurement':
        (procurement ??= []).push(signal.id);
        break;
      case 'legal_review':
        (legal ??= []).push(signal.id);
        break;
      case 'security_review':
        (security ??= []).push(signal.id);
        break;
      case 'exec_conversation_scheduled':
        (exec ??= []).push(signal.id);
        break;
      case 'commercial_partner_engaged':
        (commercial ??= []).push(signal.id);
        break;
      default:
        // renewal planning, budget reallocated, risk raised, other: context, no criterion.
        break;
    }
  }
  for (const s of facts.stakeholders) if (s.roles.includes('budget_owner')) (budget ??= []).push(s.id);
  const { opportunity } = facts;
  if (opportunity.target_date !== null && opportunity.target_date_confirmed_on !== null) (timeline ??= []).push(opportunity.id);
  for (const m of facts.meetings) if (m.kind === 'executive_conversation') (exec ??= []).push(m.id);

  out[SLOT.decision_timing_known] = metOr(timing, NO_DECISION_TIMING);
  out[SLOT.budget_owner_identified] = metOr(budget, NO_BUDGET_OWNER);
  out[SLOT.approval_path_mapped] = metOr(approval, NO_APPROVAL_PATH);
  out[SLOT.timeline_confirmed] = metOr(timeline, opportunity.target_date === null ? NO_TARGET_DATE : TARGET_DATE_UNCONFIRMED);
  out[SLOT.verbal_commitment_with_path] = yesWithPath
    ? met(yesWithPath)
    : yesWithoutPath
      ? { met: false, evidence: yesWithoutPath, lacking: YES_WITHOUT_PATH }
      : NO_YES;
  out[SLOT.procurement_engaged] = metOr(procurement, NO_PROCUREMENT);
  out[SLOT.legal_review] = metOr(legal, NO_LEGAL_REVIEW);
  out[SLOT.security_review] = metOr(security, NO_SECURITY_REVIEW);
  out[SLOT.exec_conversation_scheduled] = metOr(exec, NO_EXEC_CONVERSATION);
  out[SLOT.commercial_partner_engaged] = metOr(commercial, NO_COMMERCIAL_PARTNER);
}

function metOr(evidence: string[] | undefined, lacking: Verdict): Verdict {
  return evidence === undefined ? lacking : met(evidence);
}
