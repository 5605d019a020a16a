import { bitCount, REQUIRED, STAGE_RANGES } from './catalog-layout';
import { CRITERIA, type CriterionId } from './criteria';
import type { Importance } from './criteria/criterion';
import type { CriterionSet, OpportunityEvaluation } from './evaluate';
import { SLOT } from './one-pass/slots';
import type { EvidenceStage, StageId } from './stages';

/**
 * How views read an evaluation (`evaluate.ts`): by catalog index, the criterion's
 * words from the catalog (`CRITERIA[i]`: id, stage, importance, label, question,
 * their one definition) and this opportunity's verdict from the evaluation. The
 * readers below copy nothing unless they say so; the panel builds plain rows
 * (`criterionResult`) only for the criteria it shows of the opportunity in front
 * of the CSM.
 */

/** Whether `CRITERIA[i]` is in the set. */
export function hasCriterion(set: CriterionSet, i: number): boolean {
  return (set & (1 << i)) !== 0;
}

/** Whether the opportunity meets `CRITERIA[i]`. */
export function isMet(evaluation: OpportunityEvaluation, i: number): boolean {
  return (evaluation.unmet & (1 << i)) === 0;
}

/** What `CRITERIA[i]` lacks, in the product's words; `null` when met. */
export function lackingOf(evaluation: OpportunityEvaluation, i: number): string | null {
  return evaluation.lacking[i] ?? null;
}

/**
 * Where the evidence ids of `CRITERIA[i]` sit in `evaluation.evidence`: from
 * `evidenceFrom` up to (not including) `evidenceTo`. Reading them this way copies
 * nothing.
 */
export function evidenceFrom(evaluation: OpportunityEvaluation, i: number): number {
  return evaluation.evidenceStart[i]!;
}

export function evidenceTo(evaluation: OpportunityEvaluation, i: number): number {
  return evaluation.evidenceStart[i + 1]!;
}

/** The evidence ids of `CRITERIA[i]` (records behind it, or falling short of it), as a new list. */
export function evidenceOf(evaluation: OpportunityEvaluation, i: number): string[] {
  return evaluation.evidence.slice(evidenceFrom(evaluation, i), evidenceTo(evaluation, i));
}

/*
 * The lists handed out below are shared (one per subset, and one empty list) and
 * typed `readonly`; they are not frozen, because V8 reads a frozen array's
 * elements on a slow path: a `for…of` over frozen lists took four times as long as
 * over plain ones, ~10 ms of the benchmark's 50,000 read-outs.
 */
const NONE: readonly number[] = [];

/** The missing criteria (catalog indexes) in the order to show them: required first, then recommended, each in catalog order. */
export function missingCriteria(evaluation: OpportunityEvaluation): readonly number[] {
  const missing = evaluation.missing;
  if (missing === 0) return NONE;
  // An evaluation's missing criteria are of one stage (`evaluate.ts`), that of the lowest bit: its table has them.
  const stage = STAGE_OF[31 - Math.clz32(missing & -missing)]!;
  return MISSING_ORDERS[stage]![missing >>> STAGE_RANGES[stage]![0]] ?? inShowOrder(missing);
}

/** Required first, then recommended, each in catalog order: for a set spanning stages, which no evaluation hands out. */
function inShowOrder(set: CriterionSet): readonly number[] {
  const ordered = new Array<number>(bitCount(set));
  let k = 0;
  for (let i = 0; i < CRITERION_COUNT; i += 1) if ((set & REQUIRED & (1 << i)) !== 0) ordered[k++] = i;
  for (let i = 0; i < CRITERION_COUNT; i += 1) if ((set & ~REQUIRED & (1 << i)) !== 0) ordered[k++] = i;
  return ordered;
}

/**
 * Per stage, for every subset of its criteria (bit j = the stage's j-th criterion),
 * that subset in the order to show it. Worked out once at load from the catalog
 * (about 1,250 short lists, shared and never changed; the Intent stage's ten
 * criteria make 1,024), so reading an evaluation's missing criteria allocates nothing.
 */
const MISSING_ORDERS: readonly (readonly (readonly number[])[])[] = STAGE_RANGES.map(([first, end]) =>
  Array.from({ length: 1 << (end - first) }, (_, subset) => {
    const set = subset << first;
    const ordered: number[] = [];
    for (let i = first; i < end; i += 1) if ((set & REQUIRED & (1 << i)) !== 0) ordered.push(i);
    for (let i = first; i < end; i += 1) if ((set & ~REQUIRED & (1 << i)) !== 0) ordered.push(i);
    return ordered;
  }),
);

/** By catalog index, the index of the criterion's stage. */
const STAGE_OF: readonly number[] = CRITERIA.map((_, i) => STAGE_RANGES.findIndex(([first, end]) => i >= first && i < end));

/** The unbacked criteria (catalog indexes), in catalog order. */
export function unbackedCriteria(evaluation: OpportunityEvaluation): readonly number[] {
  return inCatalogOrder(evaluation.unbacked);
}

/** The criteria of a set (catalog indexes), in catalog order. */
export function inCatalogOrder(set: CriterionSet): readonly number[] {
  if (set === 0) return NONE;
  // At its exact length (a list grown by push keeps room for 16), lowest bit first, one step per member.
  const ordered = new Array<number>(bitCount(set));
  let k = 0;
  for (let rest = set; rest !== 0; rest &= rest - 1) ordered[k++] = 31 - Math.clz32(rest & -rest);
  return ordered;
}

/** The catalog index of a criterion id. */
export function criterionIndex(id: CriterionId): number {
  return SLOT[id];
}

/** One criterion judged for one opportunity, spelled out: the catalog's words and this verdict. Plain data. */
export interface CriterionResult {
  id: CriterionId;
  stage: StageId;
  importance: Importance;
  label: string;
  /** The question to ask next time; meaningful while `met` is false. */
  question: string;
  met: boolean;
  /** Met: the records that back it. Not met: the records that fall short (may be empty). */
  evidence: readonly string[];
  /** Not met: what is missing, in the product's words. Met: `null`. */
  lacking: string | null;
}

/** `CRITERIA[i]` for this opportunity, as a plain row: what a view shows for one criterion. */
export function criterionResult(evaluation: OpportunityEvaluation, i: number): CriterionResult {
  const criterion = CRITERIA[i]!;
  return {
    id: criterion.id,
    stage: criterion.stage,
    importance: criterion.importance,
    label: criterion.label,
    question: criterion.question,
    met: isMet(evaluation, i),
    evidence: evidenceOf(evaluation, i),
    lacking: lackingOf(evaluation, i),
  };
}

/** An evaluation spelled out as one object per criterion (what `testing/reference-evaluate.ts` computes plainly). */
export interface PlainEvaluation {
  opportunityId: string;
  declaredStage: StageId;
  evidenceStage: EvidenceStage;
  /** Every criterion of the catalog, in catalog order. */
  criteria: CriterionResult[];
  /** As `OpportunityEvaluation.missing`, in the order to show them (`missingCriteria`). */
  missing: CriterionResult[];
  declaredAhead: boolean;
  /** As `OpportunityEvaluation.unbacked`, in catalog order. */
  unbacked: CriterionResult[];
}

/** The plain form, for tests and debugging: JSON-able, one object per criterion. */
export function plainEvaluation(evaluation: OpportunityEvaluation): PlainEvaluation {
  const row = (i: number) => criterionResult(evaluation, i);
  return {
    opportunityId: evaluation.opportunityId,
    declaredStage: evaluation.declaredStage,
    evidenceStage: evaluation.evidenceStage,
    criteria: CRITERIA.map((_, i) => row(i)),
    missing: missingCriteria(evaluation).map(row),
    declaredAhead: evaluation.declaredAhead,
    unbacked: unbackedCriteria(evaluation).map(row),
  };
}

const CRITERION_COUNT = CRITERIA.length;
