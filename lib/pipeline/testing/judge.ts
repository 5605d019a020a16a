import { CRITERIA_BY_ID, type CriterionId } from '../criteria';
import type { Verdict } from '../criteria/criterion';
import { ruleContext } from '../evaluate';
import type { OpportunityFacts } from '../facts';
import { PipelineSettings, type PipelineSettingsInput } from '../settings';

/** The day the criterion tests are judged on, unless a test says otherwise. */
export const TODAY = '2026-11-22';

/**
 * Runs one criterion's `explain`, as `evaluateOpportunity` would, and checks its
 * `isMet` (what the dashboard runs) gives the same answer: every table test of a
 * criterion checks both forms of its rule.
 */
export function judge(id: CriterionId, facts: OpportunityFacts, now: string = TODAY, settings: PipelineSettingsInput = {}): Verdict {
  const ctx = ruleContext(now, PipelineSettings.parse(settings));
  const criterion = CRITERIA_BY_ID[id];
  const verdict = criterion.explain(facts, ctx);
  const isMet = criterion.isMet(facts, ctx);
  if (isMet !== verdict.met) throw new Error(`${id}: isMet says ${isMet} but explain says ${verdict.met}`);
  return verdict;
}
