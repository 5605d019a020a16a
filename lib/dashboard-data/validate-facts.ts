import { z } from 'zod';
import { OpportunityFacts } from '../pipeline/facts';

/**
 * Validates the facts of many opportunities with `OpportunityFacts`, checking
 * each account's lists once. Half of every facts object is the account's (goals,
 * stakeholders, insights...: the same lists for each of its opportunities), and
 * in an extension page zod cannot compile its checks (the page's content
 * security policy forbids `eval`), so checking 40,000 opportunities' copies
 * costs seconds. An opportunity whose account lists are the same text as the
 * account's already-checked ones has only its own part checked; any other is
 * checked whole. The result is exactly what `OpportunityFacts.safeParse` gives.
 */
const ACCOUNT_KEYS = ['goals', 'outcomes', 'use_cases', 'stakeholders', 'insights', 'meetings', 'communication_steps'] as const;
const OwnPart = OpportunityFacts.pick({ opportunity: true, business_case: true, intent_signals: true, close_record: true });

type AccountLists = Pick<OpportunityFacts, (typeof ACCOUNT_KEYS)[number]>;

export type FactsCheck = { ok: true; facts: OpportunityFacts[] } | { ok: false; index: number; message: string };

export function validateFactsList(raw: readonly unknown[]): FactsCheck {
  const checked = new Map<string, { text: string; lists: AccountLists }>();
  const facts: OpportunityFacts[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const item = raw[i];
    const accountId = accountOf(item);
    const text = accountId === null ? null : JSON.stringify(ACCOUNT_KEYS.map((key) => (item as Record<string, unknown>)[key]));
    const known = accountId === null ? undefined : checked.get(accountId);
    if (known && known.text === text) {
      const own = OwnPart.safeParse(item);
      if (!own.success) return failure(i, own.error);
      facts.push({ ...own.data, ...known.lists });
      continue;
    }
    const whole = OpportunityFacts.safeParse(item);
    if (!whole.success) return failure(i, whole.error);
    facts.push(whole.data);
    if (accountId !== null && text !== null && !known) {
      const { goals, outcomes, use_cases, stakeholders, insights, meetings, communication_steps } = whole.data;
      checked.set(accountId, { text, lists: { goals, outcomes, use_cases, stakeholders, insights, meetings, communication_steps } });
    }
  }
  return { ok: true, facts };
}

function accountOf(item: unknown): string | null {
  const opportunity = item !== null && typeof item === 'object' ? (item as { opportunity?: unknown }).opportunity : null;
  const id = opportunity !== null && typeof opportunity === 'object' ? (opportunity as { account_id?: unknown }).account_id : null;
  return typeof id === 'string' ? id : null;
}

function failure(index: number, error: z.ZodError): FactsCheck {
  const issue = error.issues[0];
  return { ok: false, index, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'not valid'}` };
}
