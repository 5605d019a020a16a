/**
 * The kinds of record the panel can log, in the order the menu lists them,
 * with the words the menu uses and whether the form needs an opportunity.
 */
export const QUICK_LOG_KINDS = [
  'stakeholder',
  'intent_signal',
  'insight',
  'meeting',
  'communication_step',
  'goal',
  'outcome',
  'use_case',
  'business_case',
  'close_record',
  'milestone',
  'opportunity',
  'account',
] as const;
export type QuickLogKind = (typeof QUICK_LOG_KINDS)[number];

export const QUICK_LOG_LABELS: Readonly<Record<QuickLogKind, string>> = {
  stakeholder: 'Stakeholder',
  intent_signal: 'Intent signal',
  insight: 'Insight',
  meeting: 'Meeting',
  communication_step: 'Planned conversation',
  goal: 'Goal',
  outcome: 'Progress toward a goal',
  use_case: 'Use case',
  business_case: 'Business case',
  close_record: 'Close',
  milestone: 'Milestone',
  opportunity: 'New opportunity',
  account: 'New account',
};

/** Kinds whose record belongs to one opportunity: the menu offers them only when there is one. */
export const NEEDS_OPPORTUNITY: ReadonlySet<QuickLogKind> = new Set(['intent_signal', 'business_case', 'close_record']);
