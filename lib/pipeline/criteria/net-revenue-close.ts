import { defineCriterion, lacks, met, notMet } from './criterion';

// The texts are exported for the one-pass evaluation (`one-pass/close.ts`), which
// must say exactly what these rules say.
export const NO_CLOSE_RECORD = lacks('Nothing is recorded about the close yet.');
export const NOT_WON = lacks('The opportunity is not marked as won yet.');
export const NOT_FINALIZED = lacks('The agreement is not recorded as finalised.');
export const LOST = 'The opportunity was lost.';
export const NO_CLOSE_REASONS = 'Why the customer chose to keep investing is not recorded.';
export const NO_RECAP = 'No recap of progress has been sent to the customer.';
export const NO_ADVOCACY_ASK = 'No advocacy ask has been made.';
export const NO_NEXT_CYCLE_GOALS = 'No goals are set for the next cycle.';

/**
 * Net Revenue Close → next cycle: the opportunity is won, the decision reinforced,
 * and its lessons feed the next cycle. Meeting every required criterion here makes
 * the opportunity complete.
 */
export const NET_REVENUE_CLOSE_CRITERIA = [
  defineCriterion({
    id: 'agreement_finalized',
    stage: 'net_revenue_close',
    importance: 'required',
    label: 'Agreement finalised',
    question: 'Is anything still needed on your side to finalise the agreement?',
    isMet: ({ opportunity, close_record: close }) =>
      opportunity.status === 'won' && close !== null && close.agreement_finalized_on !== null,
    explain: ({ opportunity, close_record: close }) => {
      // A finalised date on a lost or still-open opportunity is contradictory data:
      // the status decides, so a won count is never inflated by a stray date.
      if (opportunity.status === 'lost') return notMet(LOST, [opportunity.id]);
      if (opportunity.status !== 'won') return NOT_WON;
      if (close === null || close.agreement_finalized_on === null) return NOT_FINALIZED;
      return met([close.id]);
    },
  }),
  defineCriterion({
    id: 'close_reasons_documented',
    stage: 'net_revenue_close',
    importance: 'required',
    label: 'Reasons for continuing recorded',
    question: 'What made continuing with us the right call for your team?',
    isMet: ({ close_record: close }) => close !== null && close.close_reason_count > 0,
    explain: ({ close_record: close }) => {
      if (close === null) return NO_CLOSE_RECORD;
      return close.close_reason_count > 0 ? met([close.id]) : notMet(NO_CLOSE_REASONS, [close.id]);
    },
  }),
  defineCriterion({
    id: 'win_summary_sent',
    stage: 'net_revenue_close',
    importance: 'recommended',
    label: 'Progress recap sent to the customer',
    question: 'Would a short recap of what we achieved together be useful to share inside your team?',
    isMet: ({ close_record: close }) => close !== null && close.win_summary_sent_on !== null,
    explain: ({ close_record: close }) => {
      if (close === null) return NO_CLOSE_RECORD;
      return close.win_summary_sent_on !== null ? met([close.id]) : notMet(NO_RECAP, [close.id]);
    },
  }),
  defineCriterion({
    id: 'advocacy_ask_made',
    stage: 'net_revenue_close',
    importance: 'recommended',
    label: 'One advocacy ask made',
    question: 'Would you be open to sharing your experience in a way that suits you, such as a short quote or an intro to another team?',
    isMet: ({ close_record: close }) => close !== null && close.advocacy_ask !== null,
    explain: ({ close_record: close }) => {
      if (close === null) return NO_CLOSE_RECORD;
      return close.advocacy_ask !== null ? met([close.id]) : notMet(NO_ADVOCACY_ASK, [close.id]);
    },
  }),
  defineCriterion({
    id: 'next_cycle_goals_set',
    stage: 'net_revenue_close',
    importance: 'required',
    label: 'Goals set for the next cycle',
    question: 'Looking at the year ahead, what would your team most like to achieve next?',
    isMet: ({ close_record: close }) => close !== null && close.next_cycle_goal_count > 0,
    explain: ({ close_record: close }) => {
      if (close === null) return NO_CLOSE_RECORD;
      return close.next_cycle_goal_count > 0 ? met([close.id]) : notMet(NO_NEXT_CYCLE_GOALS, [close.id]);
    },
  }),
] as const;
