import { NO_SOURCE as NO_SOURCE_VERDICT } from '../criteria/identify';
import type { PreparedFacts } from '../prepared-facts';
import { SLOT } from './slots';
import { lackingText, type ExplanationWriter } from './writer';

const OPPORTUNITY_LOGGED = SLOT.opportunity_logged;
const NO_SOURCE = lackingText(NO_SOURCE_VERDICT);

/** The Identify criterion (`criteria/identify.ts`), into `out`. */
export function explainIdentify({ opportunity }: PreparedFacts, out: ExplanationWriter): void {
  if (!opportunity.hasSource) out.notMet(OPPORTUNITY_LOGGED, NO_SOURCE);
  else {
    out.id(opportunity.id);
    out.met(OPPORTUNITY_LOGGED);
  }
}
