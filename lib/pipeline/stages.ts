/**
 * The five stages of the post-sale pipeline, in order. The ids are the shared
 * vocabulary of code, database and UI (the `declared_stage` column uses them).
 */
export const STAGE_IDS = ['identify', 'align', 'advocate', 'intent', 'net_revenue_close'] as const;

export type StageId = (typeof STAGE_IDS)[number];

/**
 * An evidence stage is a stage, or `complete`: a won opportunity that meets every
 * required criterion of every stage, including those of Net Revenue Close.
 */
export type EvidenceStage = StageId | 'complete';

export const STAGE_LABELS: Record<StageId, string> = {
  identify: 'Identify',
  align: 'Align',
  advocate: 'Advocate',
  intent: 'Intent',
  net_revenue_close: 'Net Revenue Close',
};

/** What each stage establishes, in the product's words (one line for tooltips). */
export const STAGE_PURPOSES: Record<StageId, string> = {
  identify: 'The opportunity is written down, with where it came from.',
  align: 'It is tied to the customer’s own goals, progress and use cases.',
  advocate: 'Someone at the customer can carry the case without us.',
  intent: 'The customer is organising the decision: owner, path and timing.',
  net_revenue_close: 'The decision is done, reinforced and feeds the next cycle.',
};

export const EVIDENCE_STAGE_LABELS: Record<EvidenceStage, string> = { ...STAGE_LABELS, complete: 'Complete' };

/** Position in the pipeline: 0 for identify … 4 for net_revenue_close, 5 for complete. */
export function stageIndex(stage: EvidenceStage): number {
  return STAGE_INDEX[stage];
}

// A lookup rather than indexOf: it runs for every criterion of every evaluation.
const STAGE_INDEX: Record<EvidenceStage, number> = {
  identify: 0,
  align: 1,
  advocate: 2,
  intent: 3,
  net_revenue_close: 4,
  complete: 5,
};

export function isStageId(value: unknown): value is StageId {
  return typeof value === 'string' && (STAGE_IDS as readonly string[]).includes(value);
}
