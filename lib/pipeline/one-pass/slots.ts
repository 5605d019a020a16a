import { CRITERIA, type CriterionId } from '../criteria';

/** A criterion's index in the catalog, by id: where a one-pass explainer writes its result, and its bit in a set. */
export const SLOT = Object.fromEntries(CRITERIA.map((c, i) => [c.id, i])) as Record<CriterionId, number>;
