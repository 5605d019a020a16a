import type { BuildContext } from './build-context';
import type { AdvocacyAskKind } from './enum-types';
import { amountOrNull, dayOrNull, lines, sourceColumns, textOrNull } from './form-values';
import { validateDraft, type BuildResult, type DraftOf, type FieldMap } from './validate';

export interface CloseRecordFormValues {
  opportunity_id: string;
  outcome: 'won' | 'lost';
  amount: string;
  terms_summary: string;
  agreement_finalized_on: string;
  /** One reason per line. */
  close_reasons: string;
  win_summary_sent_on: string;
  /** `''`: no ask made. */
  advocacy_ask: AdvocacyAskKind | '';
  advocacy_answer: string;
  /** One goal per line. */
  next_cycle_goals: string;
}

export const CLOSE_RECORD_DEFAULTS: CloseRecordFormValues = {
  opportunity_id: '',
  outcome: 'won',
  amount: '',
  terms_summary: '',
  agreement_finalized_on: '',
  close_reasons: '',
  win_summary_sent_on: '',
  advocacy_ask: '',
  advocacy_answer: '',
  next_cycle_goals: '',
};

export const FIELDS: FieldMap = Object.fromEntries(Object.keys(CLOSE_RECORD_DEFAULTS).map((key) => [key, key]));

export function buildCloseRecord(values: CloseRecordFormValues, ctx: BuildContext): BuildResult<DraftOf<'close_records'>> {
  return validateDraft(
    'close_records',
    {
      id: ctx.id,
      account_id: ctx.accountId,
      opportunity_id: values.opportunity_id,
      outcome: values.outcome,
      amount: amountOrNull(values.amount),
      terms_summary: textOrNull(values.terms_summary),
      agreement_finalized_on: dayOrNull(values.agreement_finalized_on),
      close_reasons: lines(values.close_reasons),
      win_summary_sent_on: dayOrNull(values.win_summary_sent_on),
      advocacy_ask: values.advocacy_ask === '' ? null : values.advocacy_ask,
      advocacy_answer: textOrNull(values.advocacy_answer),
      next_cycle_goals: lines(values.next_cycle_goals),
      ...sourceColumns(ctx.source),
    },
    FIELDS,
  );
}
