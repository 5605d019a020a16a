import fc from 'fast-check';
import { opportunityFactsArbitrary } from '../../pipeline/testing/facts-arbitrary';
import type { AccountFactsRow } from '../account-facts';

/**
 * An `account_facts` row built from facts the pipeline arbitrary gives: the
 * account's lists from its first opportunity, every opportunity filed under
 * the account, and a stage date with an offset, as PostgreSQL prints it.
 */
export const accountFactsRowArbitrary: fc.Arbitrary<AccountFactsRow> = fc
  .tuple(fc.array(opportunityFactsArbitrary, { minLength: 0, maxLength: 3 }), fc.constantFrom('2026-09-01T10:00:00+00:00', '2026-11-22T08:15:42.123456+00:00'))
  .map(([list, stageEnteredAt]) => {
    const accountId = list[0]?.opportunity.account_id ?? '3f0c8e4a-7b1d-4c2e-9a5f-0123456789ab';
    const first = list[0];
    return {
      account_id: accountId,
      goals: first?.goals ?? [],
      outcomes: first?.outcomes ?? [],
      use_cases: first?.use_cases ?? [],
      stakeholders: first?.stakeholders ?? [],
      insights: first?.insights ?? [],
      meetings: first?.meetings ?? [],
      communication_steps: first?.communication_steps ?? [],
      opportunities: list.map((f) => ({
        opportunity: { ...f.opportunity, account_id: accountId },
        business_case: f.business_case,
        intent_signals: f.intent_signals,
        close_record: f.close_record,
        stage_entered_at: stageEnteredAt,
      })),
    };
  });

/** The first record of each id, as a table keyed by id holds them. */
const unique = <T>(records: readonly T[], idOf: (record: T) => string): T[] => {
  const seen = new Set<string>();
  return records.filter((record) => !seen.has(idOf(record)) && seen.add(idOf(record)));
};

/**
 * A row as the database can hold it: no two records of one list (nor two
 * opportunities, nor two signals of one opportunity) share an id, since ids
 * are primary keys. The form without ids (`dashboard_account_facts`) cannot
 * tell two records of one id apart, and never has to.
 */
export const withUniqueIds = (row: AccountFactsRow): AccountFactsRow => {
  const byOwnId = <T extends { id: string }>(records: readonly T[]) => unique(records, (r) => r.id);
  return {
    ...row,
    goals: byOwnId(row.goals),
    outcomes: byOwnId(row.outcomes),
    use_cases: byOwnId(row.use_cases),
    stakeholders: byOwnId(row.stakeholders),
    insights: byOwnId(row.insights),
    meetings: byOwnId(row.meetings),
    communication_steps: byOwnId(row.communication_steps),
    opportunities: unique(row.opportunities, (o) => o.opportunity.id).map((o) => ({ ...o, intent_signals: byOwnId(o.intent_signals) })),
  };
};

/** `accountFactsRowArbitrary` as the database can hold it (`withUniqueIds`). */
export const storedAccountFactsRowArbitrary: fc.Arbitrary<AccountFactsRow> = accountFactsRowArbitrary.map(withUniqueIds);
