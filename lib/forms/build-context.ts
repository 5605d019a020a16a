import type { RecordSource } from './form-values';

/** What a builder knows besides the typed values: which record, of which account, learnt where. */
export interface BuildContext {
  /** The record's id, made once when the form opens, so a retried save updates instead of duplicating. */
  id: string;
  accountId: string;
  opportunityId?: string | undefined;
  source?: RecordSource | undefined;
}
