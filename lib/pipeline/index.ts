/**
 * The pipeline rules: from the facts of an opportunity to its evidence stage, what
 * backs each criterion, what is missing and what is declared without evidence.
 * Pure: no I/O, no browser APIs, no clock. Validate facts and settings with the
 * schemas below where they enter, and prepare the facts there (`prepareFacts`,
 * the in-memory form the rules read); then:
 * - `evaluateOpportunity`: everything, with the why of each criterion (panel, prep),
 *   read through `explained.ts` with the catalog's words;
 * - `assessOpportunity`: the same stage, missing and unbacked, as ids only, cheap
 *   enough for every opportunity of a team (dashboard); it reads `AssessableFacts`,
 *   prepared facts without evidence ids;
 * - `summarizeAccount`: an account's headline stage and flags.
 */
export { STAGE_IDS, STAGE_LABELS, STAGE_PURPOSES, EVIDENCE_STAGE_LABELS, stageIndex, isStageId } from './stages';
export type { StageId, EvidenceStage } from './stages';
export * from './facts';
export { PipelineSettings, DEFAULT_SETTINGS, DEFAULT_FRESHNESS_DAYS } from './settings';
export type { PipelineSettingsInput, FreshnessWindow } from './settings';
export { CRITERIA, CRITERION_IDS, CRITERIA_BY_ID, CRITERIA_BY_STAGE, isCriterionId } from './criteria';
export type { Criterion, CriterionId, Importance, RuleContext, Verdict } from './criteria';
export { createFactsPreparer, NO_DAY, prepareFacts } from './prepared-facts';
export type {
  AssessableAccountLists,
  AssessableBusinessCase,
  AssessableCloseRecord,
  AssessableFacts,
  AssessableIntentSignals,
  PreparedAccountLists,
  PreparedBusinessCase,
  PreparedFacts,
  PreparedIntentSignals,
  PreparedOpportunity,
} from './prepared-facts';
export { evaluateOpportunity, evaluateWithContext, ruleContext } from './evaluate';
export type { CriterionSet, EvaluateOptions, OpportunityEvaluation } from './evaluate';
export {
  criterionIndex,
  criterionResult,
  evidenceFrom,
  evidenceOf,
  evidenceTo,
  hasCriterion,
  inCatalogOrder,
  isMet,
  lackingOf,
  missingCriteria,
  plainEvaluation,
  unbackedCriteria,
} from './explained';
export type { CriterionResult, PlainEvaluation } from './explained';
export { assessOpportunity, assessWithContext } from './assess';
export type { OpportunityAssessment } from './assess';
export { summarizeAccount, summarizeWithContext } from './account-summary';
export type { AccountFlags, AccountSummary } from './account-summary';
