import type { RuleContext } from '../criteria/criterion';
import type { OpportunityFacts } from '../facts';
import { explainAdvocate } from './advocate';
import { explainAlign } from './align';
import { explainClose } from './close';
import { explainIdentify } from './identify';
import { explainIntent } from './intent';
import type { ResultSlots } from './results';

/**
 * Every criterion's result for one opportunity, in catalog order, into `out`;
 * returns the bit set of the unmet ones (bit i = CRITERIA[i]).
 *
 * One explainer per stage reads each list of the facts once, classifying every
 * record once (each date parsed once), and writes the results the evaluation
 * hands out directly. Each criterion's `explain` stays the definition: a property
 * test holds this to it (`testing/reference-evaluate.ts`) on generated and
 * realistic facts, evidence and texts included.
 */
export function explainEvery(facts: OpportunityFacts, ctx: RuleContext, out: ResultSlots): number {
  return explainIdentify(facts, out) | explainAlign(facts, ctx, out) | explainAdvocate(facts, ctx, out) | explainIntent(facts, out) | explainClose(facts, out);
}
