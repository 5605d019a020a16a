import { CRITERIA_BY_ID, type CriterionId } from '../criteria';
import type { Verdict } from '../criteria/criterion';
import { ruleContext } from '../evaluate';
import type { OpportunityFacts } from '../facts';
import { PipelineSettings, type PipelineSettingsInput } from '../settings';

/** The day the criterion tests are judged on, unless a test says otherwise. */
export const TODAY = '2026-11-22';

/** Runs one criterion's rule, as `evaluateOpportunity` would. */
export function judge(id: CriterionId, facts: OpportunityFacts, now: string = TODAY, settings: PipelineSettingsInput = {}): Verdict {
  return CRITERIA_BY_ID[id].rule(facts, ruleContext(now, PipelineSettings.parse(settings)));
}
