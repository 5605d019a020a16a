import {
  LOST,
  NO_ADVOCACY_ASK,
  NO_CLOSE_REASONS,
  NO_CLOSE_RECORD as NO_CLOSE_RECORD_VERDICT,
  NO_NEXT_CYCLE_GOALS,
  NO_RECAP,
  NOT_FINALIZED as NOT_FINALIZED_VERDICT,
  NOT_WON as NOT_WON_VERDICT,
} from '../criteria/net-revenue-close';
import type { CloseRecordFact } from '../facts';
import { STATUS, type PreparedFacts } from '../prepared-facts';
import { SLOT } from './slots';
import { lackingText, type ExplanationWriter } from './writer';

const AGREEMENT_FINALIZED = SLOT.agreement_finalized;
const CLOSE_REASONS_DOCUMENTED = SLOT.close_reasons_documented;
const WIN_SUMMARY_SENT = SLOT.win_summary_sent;
const ADVOCACY_ASK_MADE = SLOT.advocacy_ask_made;
const NEXT_CYCLE_GOALS_SET = SLOT.next_cycle_goals_set;

const WON = STATUS.won;
const LOST_STATUS = STATUS.lost;

const NOT_WON = lackingText(NOT_WON_VERDICT);
const NOT_FINALIZED = lackingText(NOT_FINALIZED_VERDICT);
const NO_CLOSE_RECORD = lackingText(NO_CLOSE_RECORD_VERDICT);

/**
 * The Net Revenue Close criteria (`criteria/net-revenue-close.ts`), into `out` in
 * catalog order: same verdicts, same evidence, same texts.
 */
export function explainClose({ opportunity, closeRecord: close }: PreparedFacts, out: ExplanationWriter): void {
  // A finalised date on a lost or still-open opportunity is contradictory data: the status decides.
  if (opportunity.status === LOST_STATUS) {
    out.id(opportunity.id);
    out.notMet(AGREEMENT_FINALIZED, LOST);
  } else if (opportunity.status !== WON) out.notMet(AGREEMENT_FINALIZED, NOT_WON);
  else if (close === null || close.agreement_finalized_on === null) out.notMet(AGREEMENT_FINALIZED, NOT_FINALIZED);
  else {
    out.id(close.id);
    out.met(AGREEMENT_FINALIZED);
  }

  if (close === null) {
    out.notMet(CLOSE_REASONS_DOCUMENTED, NO_CLOSE_RECORD);
    out.notMet(WIN_SUMMARY_SENT, NO_CLOSE_RECORD);
    out.notMet(ADVOCACY_ASK_MADE, NO_CLOSE_RECORD);
    out.notMet(NEXT_CYCLE_GOALS_SET, NO_CLOSE_RECORD);
    return;
  }
  onRecord(CLOSE_REASONS_DOCUMENTED, close, close.close_reason_count > 0, NO_CLOSE_REASONS, out);
  onRecord(WIN_SUMMARY_SENT, close, close.win_summary_sent_on !== null, NO_RECAP, out);
  onRecord(ADVOCACY_ASK_MADE, close, close.advocacy_ask !== null, NO_ADVOCACY_ASK, out);
  onRecord(NEXT_CYCLE_GOALS_SET, close, close.next_cycle_goal_count > 0, NO_NEXT_CYCLE_GOALS, out);
}

/** A criterion the close record alone decides: met or not, it points at the record. */
function onRecord(slot: number, close: Readonly<CloseRecordFact>, met: boolean, lacking: string, out: ExplanationWriter): void {
  out.id(close.id);
  if (met) out.met(slot);
  else out.notMet(slot, lacking);
}
