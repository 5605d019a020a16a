import type { RuleContext } from '../criteria/criterion';
import type { PreparedFacts } from '../prepared-facts';
import { explainAdvocate } from './advocate';
import { explainAlign } from './align';
import { explainClose } from './close';
import { explainIdentify } from './identify';
import { explainIntent } from './intent';
import type { ExplanationWriter } from './writer';

/**
 * Every criterion of one opportunity, in catalog order, into `out` (after
 * `out.begin()`): its evidence ids and what it lacks, and the bits of the unmet ones.
 *
 * One explainer per stage reads each list of the prepared facts once
 * (`prepared-facts.ts`: days, enums and links already numbers). Each criterion's `explain` stays the
 * definition: a property test holds this to it (`testing/reference-evaluate.ts`)
 * on generated and realistic facts, evidence and texts included.
 */
export function explainEvery(facts: PreparedFacts, ctx: RuleContext, out: ExplanationWriter): void {
  out.begin();
  explainIdentify(facts, out);
  explainAlign(facts, ctx, out);
  explainAdvocate(facts, ctx, out);
  explainIntent(facts, out);
  explainClose(facts, out);
  if (!out.isComplete()) throw new Error('An explainer left a criterion of the catalog unwritten.');
}

export { ExplanationWriter } from './writer';
