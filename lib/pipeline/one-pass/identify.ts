import { NO_SOURCE } from '../criteria/identify';
import type { OpportunityFacts } from '../facts';
import { metBy, sharedResult, type ResultSlots } from './results';
import { SLOT } from './slots';

const OPPORTUNITY_LOGGED = SLOT.opportunity_logged;
const UNLOGGED = sharedResult(OPPORTUNITY_LOGGED, NO_SOURCE);

/** The result of the Identify criterion (`criteria/identify.ts`) into `out`; returns its bit when unmet. */
export function explainIdentify({ opportunity }: OpportunityFacts, out: ResultSlots): number {
  if (opportunity.source === null) {
    out[OPPORTUNITY_LOGGED] = UNLOGGED;
    return 1 << OPPORTUNITY_LOGGED;
  }
  out[OPPORTUNITY_LOGGED] = metBy(OPPORTUNITY_LOGGED, [opportunity.id]);
  return 0;
}
