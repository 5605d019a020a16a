import { LAST_STAGE, rangeMask, REQUIRED as REQUIRED_IMPORTED, STAGE_MASKS as STAGE_MASKS_IMPORTED, STAGE_RANGES } from './catalog-layout';
import { CRITERIA, type CriterionId } from './criteria';
import type { RuleContext } from './criteria/criterion';
import { ruleContext, type EvaluateOptions } from './evaluate';
import type { AssessableFacts } from './prepared-facts';
import { unmetRecommended as unmetRecommendedImported, unmetRequired as unmetRequiredImported } from './one-pass/unmet-bits';
import { STAGE_IDS, type EvidenceStage, type StageId } from './stages';

/**
 * The verdict of `evaluateOpportunity` without the explanations: stage, the honesty
 * check, and criterion ids. This is what a dashboard computes for every open
 * opportunity of a team; the panel explains the one in front of the CSM with
 * `evaluateOpportunity`. Both give the same stage and the same ids in the same
 * order (a property test holds them together).
 */
export interface OpportunityAssessment {
  opportunityId: string;
  declaredStage: StageId;
  evidenceStage: EvidenceStage;
  declaredAhead: boolean;
  /** As `OpportunityEvaluation.missing`, by id. */
  missing: readonly CriterionId[];
  /** As `OpportunityEvaluation.unbacked`, by id. */
  unbacked: readonly CriterionId[];
}

const NONE: readonly CriterionId[] = Object.freeze([]);

/** Assesses one opportunity at `options.now`; for a batch, use `assessWithContext` with one `ruleContext`. */
export function assessOpportunity(facts: AssessableFacts, options: EvaluateOptions): OpportunityAssessment {
  return assessWithContext(facts, ruleContext(options.now, options.settings));
}

/**
 * Assesses one opportunity from the bits of its unmet criteria (`one-pass/unmet-bits.ts`,
 * the criteria's `isMet` written as one loop per stage). It checks stages in order
 * and stops once it knows the evidence stage and every stage the declaration
 * claims, so an early opportunity costs only its first stages; a stage the evidence
 * has passed shows none of its criteria, so its recommended ones are not checked.
 * Facts are validated and prepared (`prepareFacts`) where they enter; build `ctx`
 * once per batch with `ruleContext`.
 */
export function assessWithContext(facts: AssessableFacts, ctx: RuleContext): OpportunityAssessment {
  const opportunity = facts.opportunity;
  const declaredStage = opportunity.declaredStage;
  const declaredIndex = opportunity.declaredIndex;
  let evidenceIndex = -1;
  let unmet = 0;
  for (let s = 0; s <= LAST; s += 1) {
    const required = unmetRequired(s, facts, ctx);
    if (evidenceIndex < 0 && required !== 0) evidenceIndex = s;
    // Recommended criteria show in `missing` (the evidence stage, or the last stage
    // when complete) and in `unbacked` (from the evidence stage on): never before it.
    if (evidenceIndex >= 0 || s === LAST) unmet |= required | unmetRecommended(s, facts, ctx);
    if (evidenceIndex >= 0 && s + 1 >= declaredIndex) break;
  }

  const complete = evidenceIndex < 0;
  const declaredAhead = !complete && declaredIndex > evidenceIndex;
  return {
    opportunityId: opportunity.id,
    declaredStage,
    evidenceStage: complete ? 'complete' : STAGES[evidenceIndex]!,
    declaredAhead,
    missing: missingIds(unmet & STAGE_MASKS[complete ? LAST : evidenceIndex]!),
    unbacked: declaredAhead ? unmetIds(unmet & (STAGE_MASKS_FROM[evidenceIndex]! & ~STAGE_MASKS_FROM[declaredIndex]!)) : NONE,
  };
}

/*
 * Module-local copies of what the loop reads per opportunity: an imported binding
 * can cost a property read per use where modules are not bundled (tsx, vitest).
 */
const LAST = LAST_STAGE;
const unmetRequired = unmetRequiredImported;
const unmetRecommended = unmetRecommendedImported;
const STAGES: readonly EvidenceStage[] = STAGE_IDS;
const IDS: readonly CriterionId[] = CRITERIA.map((c) => c.id);
const STAGE_MASKS: readonly number[] = STAGE_MASKS_IMPORTED;
/** Per stage index (0 … 5), the bit set of the criteria of that stage and the later ones. */
const STAGE_MASKS_FROM: readonly number[] = [...STAGE_RANGES.map(([first]) => rangeMask(first, CRITERIA.length)), 0];
const REQUIRED: number = REQUIRED_IMPORTED;

/*
 * An id list depends only on the bits it is made from, and a portfolio repeats a
 * few hundred patterns at most, so each list is built once and shared (frozen, as
 * it is shared): no array per opportunity. The cap bounds the memory a pathological
 * batch could pin; past it, lists are built afresh.
 */
const MAX_SHARED_LISTS = 4096;
const MISSING_LISTS = new Map<number, readonly CriterionId[]>();
const UNBACKED_LISTS = new Map<number, readonly CriterionId[]>();

/** The unmet criteria of one stage (`unmet` holds only that stage's bits): required first, then recommended, each in catalog order. */
function missingIds(unmet: number): readonly CriterionId[] {
  if (unmet === 0) return NONE;
  const shared = MISSING_LISTS.get(unmet);
  if (shared !== undefined) return shared;
  const ids: CriterionId[] = [];
  for (let i = 0; i < IDS.length; i += 1) if (unmet & REQUIRED & (1 << i)) ids.push(IDS[i]!);
  for (let i = 0; i < IDS.length; i += 1) if (unmet & ~REQUIRED & (1 << i)) ids.push(IDS[i]!);
  return share(MISSING_LISTS, unmet, ids);
}

/** The criteria of `unmet`, in catalog order. */
function unmetIds(unmet: number): readonly CriterionId[] {
  const shared = UNBACKED_LISTS.get(unmet);
  if (shared !== undefined) return shared;
  const ids: CriterionId[] = [];
  for (let i = 0; i < IDS.length; i += 1) if (unmet & (1 << i)) ids.push(IDS[i]!);
  return share(UNBACKED_LISTS, unmet, ids);
}

function share(lists: Map<number, readonly CriterionId[]>, key: number, ids: CriterionId[]): readonly CriterionId[] {
  Object.freeze(ids);
  if (lists.size < MAX_SHARED_LISTS) lists.set(key, ids);
  return ids;
}
