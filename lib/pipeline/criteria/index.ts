import type { StageId } from '../stages';
import { STAGE_IDS } from '../stages';
import { ADVOCATE_CRITERIA } from './advocate';
import { ALIGN_CRITERIA } from './align';
import type { Criterion } from './criterion';
import { IDENTIFY_CRITERIA } from './identify';
import { INTENT_CRITERIA } from './intent';
import { NET_REVENUE_CLOSE_CRITERIA } from './net-revenue-close';

/**
 * The catalog: every exit criterion, in stage order and, within a stage, in the
 * order of the domain page. Panel, calendar prep and dashboard read it from here.
 */
export const CRITERIA = [
  ...IDENTIFY_CRITERIA,
  ...ALIGN_CRITERIA,
  ...ADVOCATE_CRITERIA,
  ...INTENT_CRITERIA,
  ...NET_REVENUE_CLOSE_CRITERIA,
] as const;

export type CriterionId = (typeof CRITERIA)[number]['id'];

export const CRITERION_IDS: readonly CriterionId[] = CRITERIA.map((c) => c.id);

export const CRITERIA_BY_ID = Object.fromEntries(CRITERIA.map((c) => [c.id, c])) as Record<CriterionId, Criterion<CriterionId>>;

/** The criteria of each stage, in catalog order. */
export const CRITERIA_BY_STAGE = Object.fromEntries(
  STAGE_IDS.map((stage) => [stage, CRITERIA.filter((c) => c.stage === stage)]),
) as unknown as Record<StageId, readonly Criterion<CriterionId>[]>;

export function isCriterionId(value: unknown): value is CriterionId {
  return typeof value === 'string' && Object.hasOwn(CRITERIA_BY_ID, value);
}

export type { Criterion, Importance, RuleContext, Verdict } from './criterion';
