import type { ContextSuggestions } from '../forms/context-prefill';
import type { QuickLogKind } from '../forms/quick-log-kinds';

/**
 * What the open thread or event fills in for each kind of record: its day in
 * the kind's date field, and the account's stakeholders who are on it. The
 * CSM can change every value; a goal's "confirmed current" day is left blank
 * because hearing about a goal is not the customer confirming it.
 */
const DAY_FIELD: Partial<Record<QuickLogKind, string>> = {
  intent_signal: 'occurred_on',
  insight: 'shared_on',
  meeting: 'held_on',
  communication_step: 'planned_on',
  milestone: 'reached_on',
};

const TAKES_STAKEHOLDERS = new Set<QuickLogKind>(['intent_signal', 'insight', 'meeting', 'goal', 'outcome', 'use_case']);

export function quickLogPrefill(kind: QuickLogKind, suggestions: ContextSuggestions): Record<string, unknown> {
  const prefill: Record<string, unknown> = {};
  const dayField = DAY_FIELD[kind];
  if (dayField) prefill[dayField] = suggestions.day;
  if (TAKES_STAKEHOLDERS.has(kind) && suggestions.stakeholder_ids.length > 0) prefill.stakeholder_ids = suggestions.stakeholder_ids;
  return prefill;
}
