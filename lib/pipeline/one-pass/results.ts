import { CRITERIA, type Criterion, type CriterionId } from '../criteria';
import { NOTHING, type Verdict } from '../criteria/criterion';
import type { CriterionResult } from '../evaluate';

/**
 * How the one-pass explainers write their answers: straight into the results the
 * evaluation hands out, by catalog index, with no verdict object in between.
 *
 * They run for every criterion of every opportunity a team has, so each result is
 * one object of one shape, each evidence list is allocated at its exact length (a
 * list grown by `push` from empty reserves room for 17), and a result that points
 * at no record is built once and shared between opportunities (frozen, as it is
 * shared).
 */

/** Results by catalog index; an explainer fills the slots of its criteria. */
export type ResultSlots = CriterionResult[];

// A local binding: read for every result built.
const CATALOG: readonly Criterion<CriterionId>[] = CRITERIA;

/** A result backed by records (met), or pointing at the records that fall short (not met). */
export function resultOf(slot: number, met: boolean, evidence: readonly string[], lacking: string | null): CriterionResult {
  const criterion = CATALOG[slot]!;
  return {
    id: criterion.id,
    stage: criterion.stage,
    importance: criterion.importance,
    label: criterion.label,
    question: criterion.question,
    met,
    evidence,
    lacking,
  };
}

export function metBy(slot: number, evidence: readonly string[]): CriterionResult {
  return resultOf(slot, true, evidence, null);
}

/**
 * The result of a criterion for a verdict that points at no record: the same for
 * every opportunity, so built once per criterion and verdict, at load, by the
 * explainer's module.
 */
export function sharedResult(slot: number, verdict: Verdict): CriterionResult {
  if (verdict.evidence.length > 0) throw new Error('A shared result cannot point at records: they belong to one opportunity.');
  return Object.freeze(resultOf(slot, verdict.met, NOTHING, verdict.lacking));
}

/**
 * As `sharedResult`, for a not-met text that depends on a number (`textByNumber`),
 * built on first use and kept. The texts are a handful per criterion; the cap only
 * guards against a rule that would build a new text per opportunity.
 */
export function sharedUnmet(slot: number, lacking: string): CriterionResult {
  const results = BY_TEXT[slot]!;
  for (let k = 0; k < results.length; k += 1) if (results[k]!.lacking === lacking) return results[k]!;
  const result = Object.freeze(resultOf(slot, false, NOTHING, lacking));
  if (results.length < MAX_SHARED_PER_CRITERION) results.push(result);
  return result;
}

const MAX_SHARED_PER_CRITERION = 16;
const BY_TEXT: CriterionResult[][] = CATALOG.map(() => []);

/**
 * A scratch mark per record of the list being read, so an explainer can classify
 * each record once (parsing its date once) and then copy out exactly the ids it
 * needs. Shared: evaluation is synchronous and never re-entered, and each
 * explainer finishes with a list before it marks the next. Explainers write a
 * mark for every record (zero for none), so the scratch is never cleared.
 */
let marks = new Uint8Array(64);

/** The scratch marks, with room for `length` records. */
export function marksFor(length: number): Uint8Array {
  if (length > marks.length) marks = new Uint8Array(Math.max(length, marks.length * 2));
  return marks;
}

/*
 * Copying ids out of a list: each explainer keeps its own small loop per list
 * rather than calling one shared helper. A shared helper would read `.id` from
 * records of seven shapes (goals, outcomes, stakeholders…) and the engine would
 * fall back to its slow generic property lookup; a loop per list reads one shape.
 */
