import type { RecordSource } from '@/lib/forms/form-values';
import type { AnyRecord } from '@/lib/schemas/record-kinds';

export type { RecordSource };

/** A stakeholder as the pickers show it. */
export interface StakeholderOption {
  id: string;
  name: string;
  email: string | null;
}

/** An opportunity as the pickers show it (for forms opened without one). */
export interface OpportunityOption {
  id: string;
  title: string;
}

/** A goal, for the outcome form's "progress toward" picker. */
export interface GoalOption {
  id: string;
  statement: string;
}

/**
 * What every quick-logging form takes. `P` is the form's values (see the
 * `*FormValues` types in lib/forms/); `prefill` overrides its defaults, e.g.
 * from the open thread (lib/forms/context-prefill.ts).
 *
 * A form saves with `askStore({ type: 'store.put', ... })`; on success it
 * calls `onSaved` with the stored record (the panel then re-reads the
 * account, so stage and missing evidence follow). On failure it keeps every
 * typed value and shows the store's message beside the fields it names.
 */
export interface QuickLogFormProps<P> {
  accountId: string;
  /** The opportunity the record belongs to; when absent, forms that need one offer `opportunities`. */
  opportunityId?: string;
  /** The thread or event the record was learnt from; stored as its source columns. */
  source?: RecordSource;
  prefill?: Partial<P>;
  /** The account's stakeholders, for the pickers. */
  stakeholders: readonly StakeholderOption[];
  /** The account's opportunities, offered when `opportunityId` is absent. */
  opportunities?: readonly OpportunityOption[];
  onSaved(record: AnyRecord): void;
  onCancel(): void;
}
