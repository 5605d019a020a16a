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
  rule(facts: OpportunityFacts, ctx: RuleContext): Verdict;
}

/** Keeps each criterion's id as a literal type, so the catalog yields the `CriterionId` union. */
export function defineCriterion<const Id extends string>(criterion: Criterion<Id>): Criterion<Id> {
  return criterion;
}

const NOTHING: readonly string[] = Object.freeze([]);

export function met(evidence: readonly string[]): Verdict {
  return { met: true, evidence, lacking: null };
}

export function notMet(lacking: string, evidence: readonly string[] = NOTHING): Verdict {
  return { met: false, evidence, lacking };
}

/** Met with no record to point at, because the criterion asks nothing of this opportunity. */
export function metVacuously(): Verdict {
  return { met: true, evidence: NOTHING, lacking: null };
}
