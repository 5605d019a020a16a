import { CRITERIA, type Criterion, type CriterionId } from '../criteria';
import type { RuleContext } from '../criteria/criterion';
import type { OpportunityFacts } from '../facts';
import { explainIntent, INTENT_SLOTS } from './intent';
import type { VerdictSlots } from './slots';
import { explainStakeholders, STAKEHOLDER_SLOTS } from './stakeholders';

/**
 * Every criterion's verdict for one opportunity, in catalog order, into `out`.
 *
 * Criteria that read the same list are explained together in one pass over it
 * (the Intent criteria over the intent signals, the people criteria of Advocate
 * over the stakeholders); each other criterion runs its own `explain`. This is what
 * brings explaining a team's whole portfolio within the benchmark's budget. Each
 * criterion's own `explain` stays the definition: a property test holds this to
 * it on generated and realistic facts.
 */
export function explainEvery(facts: OpportunityFacts, ctx: RuleContext, out: VerdictSlots): void {
  explainIntent(facts, out);
  explainStakeholders(facts, out);
  for (let i = 0; i < CATALOG.length; i += 1) if ((ONE_PASS & (1 << i)) === 0) out[i] = CATALOG[i]!.explain(facts, ctx);
}

const CATALOG: readonly Criterion<CriterionId>[] = CRITERIA;
const ONE_PASS = INTENT_SLOTS | STAKEHOLDER_SLOTS;
