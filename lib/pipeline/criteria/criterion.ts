import type { OpportunityFacts } from '../facts';
import type { PipelineSettings } from '../settings';
import type { StageId } from '../stages';

/** Only `required` criteria gate a stage; `recommended` ones are shown, never block. */
export type Importance = 'required' | 'recommended';

/** What a rule is given besides the facts. */
export interface RuleContext {
  /** Today as a day number (see `days.ts`): rules compare dates to it, never to a clock. */
  today: number;
  settings: PipelineSettings;
}

/**
 * A rule's answer.
 * - met: `evidence` lists the ids of the records that satisfy it (empty only when
 *   the criterion holds because there is nothing to do, e.g. no detractors).
 * - not met: `lacking` says what is missing, in the product's words, and `evidence`
 *   lists the records that fall short, if any (a stale goal, a yes without owners).
 */
export interface Verdict {
  met: boolean;
  evidence: readonly string[];
  lacking: string | null;
}

/**
 * One exit criterion of a stage: its words and its rule, kept together so the
 * panel, the calendar prep and the dashboard all show the same thing.
 *
 * The rule comes in two forms side by side: `isMet`, the decision (no allocation),
 * and `explain`, which says why (the records behind it, or what is lacking) for the
 * few opportunities a person is looking at. A property test holds them to the same
 * answer on thousands of generated facts. The dashboard's `assess` runs the same
 * decisions as one loop per stage (`one-pass/unmet-bits.ts`), held to `isMet` by
 * another property test.
 */
export interface Criterion<Id extends string = string> {
  /** Stable id from the domain page; used in code, data and UI. */
  id: Id;
  /** The stage this criterion lets an opportunity leave. */
  stage: StageId;
  importance: Importance;
  /** Short name, e.g. "Goal confirmed as current". */
  label: string;
  /** What the CSM asks in the next conversation to gather the evidence, customer-centred. */
  question: string;
  /** Whether the facts meet this criterion. */
  isMet(facts: OpportunityFacts, ctx: RuleContext): boolean;
  /** Why it is met or not; `explain(...).met === isMet(...)` always. */
  explain(facts: OpportunityFacts, ctx: RuleContext): Verdict;
}

/** Keeps each criterion's id as a literal type, so the catalog yields the `CriterionId` union. */
export function defineCriterion<const Id extends string>(criterion: Criterion<Id>): Criterion<Id> {
  return criterion;
}

/*
 * Verdict helpers. The rules run for every criterion of every opportunity a
 * dashboard shows (tens of thousands at once), so verdicts that carry no record are
 * built once, at load, and shared: `lacks(...)` at module level, `MET_VACUOUSLY`.
 * Evaluation copies a verdict's fields and never hands the verdict itself out.
 */

/** The empty evidence list, shared. */
export const NOTHING: readonly string[] = Object.freeze([]);

export function met(evidence: readonly string[]): Verdict {
  return { met: true, evidence, lacking: null };
}

export function notMet(lacking: string, evidence: readonly string[] = NOTHING): Verdict {
  return { met: false, evidence, lacking };
}

/** A not-met verdict with no record to point at; build it once at module level and reuse it. */
export function lacks(lacking: string): Verdict {
  return Object.freeze(notMet(lacking));
}

/** Met with no record to point at, because the criterion asks nothing of this opportunity. */
export const MET_VACUOUSLY: Verdict = Object.freeze({ met: true, evidence: NOTHING, lacking: null });

/**
 * A text that depends on a small number (a count, a window), built once per number:
 * a template string per evaluation would be rebuilt tens of thousands of times.
 */
export function textByNumber(make: (n: number) => string): (n: number) => string {
  // Small whole numbers (counts, windows in days) by index: cheaper than a Map lookup per evaluation.
  const small = new Array<string | undefined>(SMALL_NUMBERS).fill(undefined);
  const other = new Map<number, string>();
  return (n) => {
    if (Number.isInteger(n) && n >= 0 && n < SMALL_NUMBERS) return (small[n] ??= make(n));
    let text = other.get(n);
    if (text === undefined) {
      text = make(n);
      other.set(n, text);
    }
    return text;
  };
}

const SMALL_NUMBERS = 1024;
