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
  TARGET_DATE_UNCONFIRMED as TARGET_DATE_UNCONFIRMED_VERDICT,
  YES_WITHOUT_PATH,
} from '../criteria/intent';
import type { Verdict } from '../criteria/criterion';
import { INTENT_SIGNAL_KINDS, type IntentSignalKind } from '../facts';
import { MEETING_KIND, NO_DAY, PERSON, SIGNAL_KIND, type PreparedFacts, type PreparedIntentSignals } from '../prepared-facts';
import { SLOT } from './slots';
import { lackingText, type ExplanationWriter } from './writer';

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

/** Every Intent criterion in catalog order, with what it says when nothing backs it (`timeline_confirmed` has two texts, picked below). */
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
const SLOTS: readonly number[] = SIGNAL_CRITERIA.map(([slot]) => slot);
/** By position in `SLOTS`, the text of a criterion nothing backs. */
const UNBACKED_TEXTS: readonly string[] = SIGNAL_CRITERIA.map(([, verdict]) => lackingText(verdict));
const TARGET_DATE_UNCONFIRMED = lackingText(TARGET_DATE_UNCONFIRMED_VERDICT);

/**
 * By signal kind code, the criterion a signal of that kind backs (its catalog
 * index), or -1; `verbal_commitment` backs its criterion only with owned next
 * steps (`YES_WITHOUT_OWNERS` otherwise, checked per signal). The table is in `criteria/intent.ts`.
 */
const CRITERION_BY_KIND: Int8Array = Int8Array.from(INTENT_SIGNAL_KINDS, (kind) => criterionOfKind(kind));
/** A signal's code is `kind * 2 + withOwners`: a yes without owned next steps is this code. */
const YES_WITHOUT_OWNERS_CODE = SIGNAL_KIND.verbal_commitment * 2;
const BUDGET_OWNER_ROLE = PERSON.role('budget_owner');
const EXECUTIVE_CONVERSATION = MEETING_KIND.executive_conversation;

/** The Intent criterion (catalog slot) a signal of this kind meets; -1 for a kind that is context only. */
export function criterionOfKind(kind: IntentSignalKind): number {
  switch (kind) {
    case 'decision_timing_known':
      return DECISION_TIMING_KNOWN;
    case 'budget_owner_identified':
      return BUDGET_OWNER_IDENTIFIED;
    case 'approval_path_mapped':
      return APPROVAL_PATH_MAPPED;
    case 'timeline_confirmed':
      return TIMELINE_CONFIRMED;
    case 'verbal_commitment':
      return VERBAL_COMMITMENT_WITH_PATH;
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
 * The Intent criteria (`criteria/intent.ts`), into `out` in catalog order, from
 * one pass over the intent signals instead of one per criterion: same verdicts,
 * same evidence order (list order, signals before the other records), same texts.
 */
export function explainIntent(facts: PreparedFacts, out: ExplanationWriter): void {
  const signals = facts.intentSignals;
  const codes = signals.codes;
  const account = facts.account;
  const opportunity = facts.opportunity;
  const count = codes.length;
  if (count > signalCriterion.length) signalCriterion = new Int8Array(count * 2);
  for (let c = 0; c < SLOTS.length; c += 1) signalCount[SLOTS[c]!] = 0;
  signalCount[YES_WITHOUT_OWNERS] = 0;
  for (let i = 0; i < count; i += 1) {
    const code = codes[i]!;
    const criterion = code === YES_WITHOUT_OWNERS_CODE ? YES_WITHOUT_OWNERS : CRITERION_BY_KIND[code >> 1]!;
    signalCriterion[i] = criterion;
    if (criterion >= 0) signalCount[criterion]! += 1;
  }

  for (let c = 0; c < SLOTS.length; c += 1) {
    const slot = SLOTS[c]!;
    const before = out.count;
    if (signalCount[slot]! > 0) writeSignalIds(signals, slot, out);
    // The records other than signals that back three of the criteria, after the signals.
    if (slot === BUDGET_OWNER_IDENTIFIED) {
      const { ids, codes: records, stakeholders: from, insights: to } = account;
      for (let k = from; k < to; k += 1) if ((records[k]! & BUDGET_OWNER_ROLE) !== 0) out.id(ids[k]!);
    } else if (slot === TIMELINE_CONFIRMED) {
      if (opportunity.targetDay !== NO_DAY && opportunity.targetConfirmedDay !== NO_DAY) out.id(opportunity.id);
    } else if (slot === EXEC_CONVERSATION_SCHEDULED) {
      // A meeting's code is `heldOn * 2 + kind`.
      const { ids, codes: records, meetings: from, steps: to } = account;
      for (let k = from; k < to; k += 1) if ((records[k]! & 1) === EXECUTIVE_CONVERSATION) out.id(ids[k]!);
    }
    if (out.count > before) out.met(slot);
    else if (slot === TIMELINE_CONFIRMED) out.notMet(slot, opportunity.targetDay === NO_DAY ? UNBACKED_TEXTS[c]! : TARGET_DATE_UNCONFIRMED);
    else if (slot === VERBAL_COMMITMENT_WITH_PATH && signalCount[YES_WITHOUT_OWNERS]! > 0) {
      writeSignalIds(signals, YES_WITHOUT_OWNERS, out);
      out.notMet(slot, YES_WITHOUT_PATH);
    } else out.notMet(slot, UNBACKED_TEXTS[c]!);
  }
}

/** The ids of the signals marked `criterion`, in list order. */
function writeSignalIds({ ids }: PreparedIntentSignals, criterion: number, out: ExplanationWriter): void {
  for (let i = 0; i < ids.length; i += 1) if (signalCriterion[i] === criterion) out.id(ids[i]!);
}
