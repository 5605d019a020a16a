import { CRITERIA, type CriterionId } from '../criteria';
import type { Verdict } from '../criteria/criterion';

/** A criterion's index in the catalog, by id: where a one-pass explainer writes its verdict. */
export const SLOT = Object.fromEntries(CRITERIA.map((c, i) => [c.id, i])) as Record<CriterionId, number>;

/** Verdicts by catalog index; an explainer fills the slots of its criteria. */
export type VerdictSlots = Verdict[];

/** The bit set (bit i = CRITERIA[i]) of the given criteria. */
export function slotMask(ids: readonly CriterionId[]): number {
  let mask = 0;
  for (const id of ids) mask |= 1 << SLOT[id];
  return mask;
}
