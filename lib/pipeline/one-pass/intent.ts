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
import type { Verdict } from '../criteria/criterion';
import type { CriterionResult } from '../evaluate';
import type { IntentSignalFact, OpportunityFacts, StakeholderFact } from '../facts';
import { metBy, resultOf, sharedResult, type ResultSlots } from './results';
import { SLOT } from './slots';

const DECISION_TIMING_KNOWN = SLOT.decision_timing_known;
const BUDGET_OWNER_IDENTIFIED = SLOT.budget_owner_identified;
const APPROVAL_PATH_MAPPED = SLOT.approval_path_mapped;
const TIMELINE_CONFIRMED = SLOT.timeline_confirmed;
const VERBAL_COMMITMENT_WITH_PATH = SLOT.verbal_commitment_with_path;
const PROCUREMENT_ENGAGED = SLOT.procurement_engaged;
const LEGAL_REVIEW = SLOT.legal_review;
const SECURITY_REVIEW = SLOT.security_review;
const EXEC_CONVERSATION_SCHEDULED = SLOT.exec_conversation_scheduled;
const COMMERCIAL_PARTNER_ENGAGED = SLOT.commercial_partner_engaged;
/** Not a criterion: the mark of a yes without owned next steps, shown when no yes has a path. */
const YES_WITHOUT_OWNERS = 31;

/** Every Intent criterion, with what it says when nothing backs it (`timeline_confirmed` has two texts, picked below). */
const SIGNAL_CRITERIA: readonly (readonly [number, Verdict])[] = [
  [DECISION_TIMING_KNOWN, NO_DECISION_TIMING],
  [BUDGET_OWNER_IDENTIFIED, NO_BUDGET_OWNER],
  [APPROVAL_PATH_MAPPED, NO_APPROVAL_PATH],
  [TIMELINE_CONFIRMED, NO_TARGET_DATE],
  [VERBAL_COMMITMENT_WITH_PATH, NO_YES],
  [PROCUREMENT_ENGAGED, NO_PROCUREMENT],
  [LEGAL_REVIEW, NO_LEGAL_REVIEW],
  [SECURITY_REVIEW, NO_SECURITY_REVIEW],
  [EXEC_CONVERSATION_SCHEDULED, NO_EXEC_CONVERSATION],
  [COMMERCIAL_PARTNER_ENGAGED, NO_COMMERCIAL_PARTNER],
];
/** By catalog index, the shared result of an Intent criterion nothing backs. */
const UNBACKED: CriterionResult[] = [];
for (const [slot, verdict] of SIGNAL_CRITERIA) UNBACKED[slot] = sharedResult(slot, verdict);
const UNCONFIRMED_DATE_RESULT = sharedResult(TIMELINE_CONFIRMED, TARGET_DATE_UNCONFIRMED);

/** The criterion a signal backs (its catalog index), `YES_WITHOUT_OWNERS`, or -1; the table is in `criteria/intent.ts`. */
function criterionOf(signal: IntentSignalFact): number {
  switch (signal.kind) {
    case 'decision_timing_known':
      return DECISION_TIMING_KNOWN;
    case 'budget_owner_identified':
      return BUDGET_OWNER_IDENTIFIED;
    case 'approval_path_mapped':
      return APPROVAL_PATH_MAPPED;
    case 'timeline_confirmed':
      return TIMELINE_CONFIRMED;
    case 'verbal_commitment':
      return signal.has_next_steps_with_owners ? VERBAL_COMMITMENT_WITH_PATH : YES_WITHOUT_OWNERS;
    case 'procurement_engaged':
    case 'stakeholder_introduced_procurement':
      return PROCUREMENT_ENGAGED;
    case 'legal_review':
      return LEGAL_REVIEW;
    case 'security_review':
      return SECURITY_REVIEW;
    case 'exec_conversation_scheduled':
      return EXEC_CONVERSATION_SCHEDULED;
    case 'commercial_partner_engaged':
      return COMMERCIAL_PARTNER_ENGAGED;
    default:
      // renewal planning, budget reallocated, risk raised, other: context, no criterion.
      return -1;
  }
}

/** Scratch, reused (evaluation is synchronous and never re-entered): per signal, its criterion; per criterion, its signal count. */
let signalCriterion = new Int8Array(64);
const signalCount = new Int32Array(32);

/**
 * The results of the Intent criteria (`criteria/intent.ts`) into `out`, from one
 * pass over the intent signals instead of one per criterion: same verdicts, same
 * evidence order (list order, signals before the other records), same texts.
 * Returns the bits of the unmet ones.
 */
export function explainIntent(facts: OpportunityFacts, out: ResultSlots): number {
  const { intent_signals: signals, stakeholders, meetings, opportunity } = facts;
  if (signals.length > signalCriterion.length) signalCriterion = new Int8Array(signals.length * 2);
  for (let c = 0; c < SIGNAL_CRITERIA.length; c += 1) signalCount[SIGNAL_CRITERIA[c]![0]] = 0;
  signalCount[YES_WITHOUT_OWNERS] = 0;
  for (let i = 0; i < signals.length; i += 1) {
    const criterion = criterionOf(signals[i]!);
    signalCriterion[i] = criterion;
    if (criterion >= 0) signalCount[criterion]! += 1;
  }

  let budgetOwners = 0;
  for (let i = 0; i < stakeholders.length; i += 1) if (ownsBudget(stakeholders[i]!)) budgetOwners += 1;
  const dateConfirmed = opportunity.target_date !== null && opportunity.target_date_confirmed_on !== null ? 1 : 0;
  let execMeetings = 0;
  for (let i = 0; i < meetings.length; i += 1) if (meetings[i]!.kind === 'executive_conversation') execMeetings += 1;

  let unmet = 0;
  for (let c = 0; c < SIGNAL_CRITERIA.length; c += 1) {
    const slot = SIGNAL_CRITERIA[c]![0];
    const fromSignals = signalCount[slot]!;
    const others =
      slot === BUDGET_OWNER_IDENTIFIED ? budgetOwners : slot === TIMELINE_CONFIRMED ? dateConfirmed : slot === EXEC_CONVERSATION_SCHEDULED ? execMeetings : 0;
    if (fromSignals + others > 0) {
      const ids = signalIds(signals, slot, fromSignals, others);
      if (others > 0) appendOthers(facts, slot, ids, fromSignals);
      out[slot] = metBy(slot, ids);
      continue;
    }
    unmet |= 1 << slot;
    if (slot === TIMELINE_CONFIRMED) out[slot] = opportunity.target_date === null ? UNBACKED[slot]! : UNCONFIRMED_DATE_RESULT;
    else if (slot === VERBAL_COMMITMENT_WITH_PATH && signalCount[YES_WITHOUT_OWNERS]! > 0) {
      out[slot] = resultOf(slot, false, signalIds(signals, YES_WITHOUT_OWNERS, signalCount[YES_WITHOUT_OWNERS]!, 0), YES_WITHOUT_PATH);
    } else out[slot] = UNBACKED[slot]!;
  }
  return unmet;
}

/** A list of `count + room` ids, the first `count` being the signals marked `criterion`, in list order. */
function signalIds(signals: readonly IntentSignalFact[], criterion: number, count: number, room: number): string[] {
  const ids = new Array<string>(count + room);
  for (let i = 0, k = 0; i < signals.length; i += 1) if (signalCriterion[i] === criterion) ids[k++] = signals[i]!.id;
  return ids;
}

/** Fills `ids` from `from` with the records other than signals that back `slot`. */
function appendOthers({ stakeholders, meetings, opportunity }: OpportunityFacts, slot: number, ids: string[], from: number): void {
  let k = from;
  if (slot === BUDGET_OWNER_IDENTIFIED) {
    for (let i = 0; i < stakeholders.length; i += 1) if (ownsBudget(stakeholders[i]!)) ids[k++] = stakeholders[i]!.id;
  } else if (slot === TIMELINE_CONFIRMED) ids[k] = opportunity.id;
  else for (let i = 0; i < meetings.length; i += 1) if (meetings[i]!.kind === 'executive_conversation') ids[k++] = meetings[i]!.id;
}

/** A stakeholder with the `budget_owner` role: a plain loop, as `includes` is a call per stakeholder. */
function ownsBudget(person: StakeholderFact): boolean {
  const roles = person.roles;
  for (let i = 0; i < roles.length; i += 1) if (roles[i] === 'budget_owner') return true;
  return false;
}
