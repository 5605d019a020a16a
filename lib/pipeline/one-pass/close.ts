import {
  LOST,
  NO_ADVOCACY_ASK,
  NO_CLOSE_REASONS,
  NO_CLOSE_RECORD,
  NO_NEXT_CYCLE_GOALS,
  NO_RECAP,
  NOT_FINALIZED,
  NOT_WON,
} from '../criteria/net-revenue-close';
import type { CriterionResult } from '../evaluate';
import type { CloseRecordFact, OpportunityFacts } from '../facts';
import { metBy, resultOf, sharedResult, type ResultSlots } from './results';
import { SLOT } from './slots';

const AGREEMENT_FINALIZED = SLOT.agreement_finalized;
const CLOSE_REASONS_DOCUMENTED = SLOT.close_reasons_documented;
const WIN_SUMMARY_SENT = SLOT.win_summary_sent;
const ADVOCACY_ASK_MADE = SLOT.advocacy_ask_made;
const NEXT_CYCLE_GOALS_SET = SLOT.next_cycle_goals_set;

const NOT_WON_RESULT = sharedResult(AGREEMENT_FINALIZED, NOT_WON);
const NOT_FINALIZED_RESULT = sharedResult(AGREEMENT_FINALIZED, NOT_FINALIZED);
/** The criteria that read only the close record, and what each shows while there is none. */
const NO_RECORD_SLOTS = [CLOSE_REASONS_DOCUMENTED, WIN_SUMMARY_SENT, ADVOCACY_ASK_MADE, NEXT_CYCLE_GOALS_SET];
const NO_RECORD_RESULTS = NO_RECORD_SLOTS.map((slot) => sharedResult(slot, NO_CLOSE_RECORD));
/** The stage's criteria sit together at the end of the catalog. */
const LAST_SLOT = Math.max(AGREEMENT_FINALIZED, ...NO_RECORD_SLOTS);
if (LAST_SLOT - AGREEMENT_FINALIZED !== NO_RECORD_SLOTS.length) throw new Error('one-pass/close.ts expects the Net Revenue Close criteria side by side in the catalog');

/**
 * The results of the Net Revenue Close criteria (`criteria/net-revenue-close.ts`)
 * into `out`: same verdicts, same evidence, same texts. Returns the bits of the
 * unmet ones.
 */
export function explainClose({ opportunity, close_record: close }: OpportunityFacts, out: ResultSlots): number {
  // A finalised date on a lost or still-open opportunity is contradictory data: the status decides.
  if (opportunity.status === 'lost') out[AGREEMENT_FINALIZED] = resultOf(AGREEMENT_FINALIZED, false, [opportunity.id], LOST);
  else if (opportunity.status !== 'won') out[AGREEMENT_FINALIZED] = NOT_WON_RESULT;
  else if (close === null || close.agreement_finalized_on === null) out[AGREEMENT_FINALIZED] = NOT_FINALIZED_RESULT;
  else out[AGREEMENT_FINALIZED] = metBy(AGREEMENT_FINALIZED, [close.id]);

  if (close === null) {
    for (let k = 0; k < NO_RECORD_RESULTS.length; k += 1) out[NO_RECORD_SLOTS[k]!] = NO_RECORD_RESULTS[k]!;
  } else {
    out[CLOSE_REASONS_DOCUMENTED] = onRecord(CLOSE_REASONS_DOCUMENTED, close, close.close_reason_count > 0, NO_CLOSE_REASONS);
    out[WIN_SUMMARY_SENT] = onRecord(WIN_SUMMARY_SENT, close, close.win_summary_sent_on !== null, NO_RECAP);
    out[ADVOCACY_ASK_MADE] = onRecord(ADVOCACY_ASK_MADE, close, close.advocacy_ask !== null, NO_ADVOCACY_ASK);
    out[NEXT_CYCLE_GOALS_SET] = onRecord(NEXT_CYCLE_GOALS_SET, close, close.next_cycle_goal_count > 0, NO_NEXT_CYCLE_GOALS);
  }
  let unmet = 0;
  for (let slot = AGREEMENT_FINALIZED; slot <= LAST_SLOT; slot += 1) if (!out[slot]!.met) unmet |= 1 << slot;
  return unmet;
}

/** A criterion the close record alone decides: met or not, it points at the record. */
function onRecord(slot: number, close: CloseRecordFact, met: boolean, lacking: string): CriterionResult {
  return resultOf(slot, met, [close.id], met ? null : lacking);
}
