import { firstBlockedStage, LAST_STAGE, rangeMask, STAGE_MASKS, STAGE_RANGES } from './catalog-layout';
import type { RuleContext } from './criteria/criterion';
import { todayFrom } from './days';
import { ExplanationWriter, explainEvery } from './one-pass';
import type { PreparedFacts } from './prepared-facts';
import { DEFAULT_SETTINGS, type PipelineSettings } from './settings';
import { STAGE_IDS, type EvidenceStage, type StageId } from './stages';

/**
 * A set of criteria as the bits of one integer: bit i stands for `CRITERIA[i]`,
 * the catalog entry that holds the criterion's id, stage, importance, label and
 * question. `explained.ts` reads sets and evaluations for the views.
 */
export type CriterionSet = number;

/**
 * One opportunity, judged against every criterion of the catalog. Plain data (it
 * can be stored, sent or cloned), laid out as a few arrays indexed by catalog
 * position rather than an object per criterion: the words of a criterion are read
 * from the catalog, never copied into the evaluation. Read it through
 * `explained.ts` (`isMet`, `evidenceOf`, `lackingOf`, `missingCriteria`, …);
 * `plainEvaluation` spells it out as one object per criterion for tests and debugging.
 */
export interface OpportunityEvaluation {
  opportunityId: string;
  declaredStage: StageId;
  /**
   * The first stage whose required criteria are not all met; `complete` when every
   * required criterion of every stage is met (which needs the opportunity won).
   * Computed from the evidence only: the declared stage never changes it.
   */
  evidenceStage: EvidenceStage;
  /** The declared stage is further along than the evidence: the honesty check. */
  declaredAhead: boolean;
  /** The criteria not met. */
  unmet: CriterionSet;
  /**
   * What to gather next: the unmet criteria of the evidence stage; for a complete
   * opportunity, the unmet recommended criteria of Net Revenue Close (worth doing;
   * nothing is blocked). Shown required first, then recommended (`missingCriteria`).
   */
  missing: CriterionSet;
  /**
   * When `declaredAhead`: every unmet criterion of the stages the CSM has declared
   * passed but the evidence has not (from the evidence stage up to, not including,
   * the declared stage), required and recommended. Only required ones are why the
   * stage is unbacked; recommended ones are shown with their flag. Empty otherwise.
   */
  unbacked: CriterionSet;
  /**
   * The ids of the records behind each criterion (met) or falling short of it (not
   * met; often none), every criterion's ids one after the other in catalog order.
   */
  evidence: readonly string[];
  /**
   * Where each criterion's ids sit in `evidence`: those of `CRITERIA[i]` run from
   * `evidenceStart[i]` up to (not including) `evidenceStart[i + 1]`. One entry
   * more than the catalog has criteria.
   */
  evidenceStart: readonly number[];
  /** By catalog index: what is missing, in the product's words; `null` when met. */
  lacking: readonly (string | null)[];
}

export interface EvaluateOptions {
  /** The moment of evaluation: ISO date or timestamp (its written day counts), or epoch ms (UTC day). */
  now: string | number;
  /** Parsed team settings; defaults when absent. */
  settings?: PipelineSettings;
}

/**
 * Evaluates one opportunity, with the why of every criterion: what the panel and
 * the calendar prep show. Pure: the same facts, `now` and settings always give the
 * same answer. Facts are validated (`OpportunityFacts.parse`) and prepared
 * (`prepareFacts`) once where they were read; it does neither again. For many
 * opportunities at once (a team's dashboard), `assessOpportunity` gives the same
 * verdict, by id, faster.
 */
export function evaluateOpportunity(facts: PreparedFacts, options: EvaluateOptions): OpportunityEvaluation {
  return evaluateWithContext(facts, { today: todayFrom(options.now), settings: options.settings ?? DEFAULT_SETTINGS });
}

/**
 * As `evaluateOpportunity`, for callers evaluating many opportunities at one
 * moment: build the context once with `ruleContext`.
 *
 * Written for speed (the definition, written plainly, is `testing/reference-evaluate.ts`;
 * a property test holds the two to the same output): one explainer per stage reads
 * each list of the prepared facts (`prepared-facts.ts`) once and writes every
 * criterion's ids and text into one reused writer (`one-pass/`), which is copied
 * out in three arrays; unmet criteria are bits of one integer, and stages are
 * looked up in the precomputed catalog layout.
 */
export function evaluateWithContext(facts: PreparedFacts, ctx: RuleContext): OpportunityEvaluation {
  const out = WRITER;
  explainEvery(facts, ctx, out);
  const unmet = out.unmet;
  const evidenceIndex = firstBlockedStage(unmet);
  const complete = evidenceIndex < 0;
  const opportunity = facts.opportunity;
  const declaredIndex = opportunity.declaredIndex;
  const declaredAhead = !complete && declaredIndex > evidenceIndex;
  return {
    opportunityId: opportunity.id,
    declaredStage: opportunity.declaredStage,
    evidenceStage: complete ? 'complete' : STAGE_IDS[evidenceIndex]!,
    declaredAhead,
    unmet,
    missing: unmet & STAGE_MASKS[complete ? LAST_STAGE : evidenceIndex]!,
    unbacked: declaredAhead ? unmet & rangeMask(STAGE_RANGES[evidenceIndex]![0], STAGE_RANGES[declaredIndex - 1]![1]) : 0,
    // Copies: the writer is reused by the next evaluation.
    evidence: out.ids.slice(0, out.count),
    evidenceStart: out.starts.slice(),
    lacking: out.lacking.slice(),
  };
}

/** The rule context for one moment and one team's settings. */
export function ruleContext(now: string | number, settings: PipelineSettings = DEFAULT_SETTINGS): RuleContext {
  return { today: todayFrom(now), settings };
}

/** The one writer: evaluation is synchronous and never re-entered. */
const WRITER = new ExplanationWriter();
