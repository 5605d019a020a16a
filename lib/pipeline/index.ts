/**
 * The pipeline rules: from the facts of an opportunity to its evidence stage, what
 * backs each criterion, what is missing and what is declared without evidence.
 * Pure: no I/O, no browser APIs, no clock. Validate facts and settings with the
 * schemas below where they enter; then evaluate.
 */
export { STAGE_IDS, STAGE_LABELS, STAGE_PURPOSES, EVIDENCE_STAGE_LABELS, stageIndex, isStageId } from './stages';
export type { StageId, EvidenceStage } from './stages';
export * from './facts';
export { PipelineSettings, DEFAULT_SETTINGS, DEFAULT_FRESHNESS_DAYS } from './settings';
export type { PipelineSettingsInput, FreshnessWindow } from './settings';
export { CRITERIA, CRITERION_IDS, CRITERIA_BY_ID, CRITERIA_BY_STAGE, isCriterionId } from './criteria';
export type { Criterion, CriterionId, Importance, RuleContext, Verdict } from './criteria';
export { evaluateOpportunity, evaluateWithContext, ruleContext } from './evaluate';
export type { CriterionResult, EvaluateOptions, OpportunityEvaluation } from './evaluate';
export { summarizeAccount, summarizeWithContext } from './account-summary';
export type { AccountFlags, AccountSummary } from './account-summary';
