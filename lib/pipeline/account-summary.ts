import { isEngaged, MIN_ENGAGED_STAKEHOLDERS } from './criteria/advocate';
import type { RuleContext } from './criteria/criterion';
import { hasHappened } from './days';
import { assessWithContext, type OpportunityAssessment } from './assess';
import { ruleContext, type EvaluateOptions } from './evaluate';
import type { AccountFacts } from './facts';
import { createFactsPreparer } from './prepared-facts';
import { stageIndex, type EvidenceStage, type StageId } from './stages';

export interface AccountSummary {
  accountId: string;
  /**
   * The account's headline: its most advanced open opportunity by evidence stage
   * (ties: the further declared stage, then the smaller id, so it is stable).
   * `null` when the account has no open opportunity.
   */
  headline: { opportunityId: string; evidenceStage: EvidenceStage; declaredStage: StageId } | null;
  /**
   * Every opportunity's assessment (open, won and lost), in the order given. For
   * the reasons behind one of them, `evaluateOpportunity` its facts.
   */
  assessments: readonly OpportunityAssessment[];
  flags: AccountFlags;
}

/** The account-wide warnings the dashboard counts. */
export interface AccountFlags {
  /** No sponsor, or fewer than two engaged stakeholders: one departure away from losing the thread. */
  singleThreaded: boolean;
  hasSponsor: boolean;
  /** Stakeholders in position sponsor or supporter. */
  engagedStakeholders: number;
  noOpenOpportunity: boolean;
  /** No `first_value` milestone reached by today. */
  firstValueNotReached: boolean;
}

/** Summarises one account at `now`. Pure, like `assessOpportunity`; facts must be validated. */
export function summarizeAccount(facts: AccountFacts, options: EvaluateOptions): AccountSummary {
  return summarizeWithContext(facts, ruleContext(options.now, options.settings));
}

/** As `summarizeAccount`: the account's facts enter here, so each opportunity's are prepared here, once. */
export function summarizeWithContext(facts: AccountFacts, ctx: RuleContext): AccountSummary {
  const prepare = createFactsPreparer();
  const assessments = facts.opportunities.map((o) => assessWithContext(prepare(o), ctx));
  let headline: OpportunityAssessment | undefined;
  facts.opportunities.forEach((o, i) => {
    if (o.opportunity.status !== 'open') return;
    const candidate = assessments[i]!;
    if (!headline || isAhead(candidate, headline)) headline = candidate;
  });

  let engagedStakeholders = 0;
  let hasSponsor = false;
  for (const s of facts.stakeholders) {
    if (isEngaged(s)) engagedStakeholders += 1;
    if (s.position === 'sponsor') hasSponsor = true;
  }
  const firstValueReached = facts.account.milestones.some((m) => m.kind === 'first_value' && hasHappened(m.reached_on, ctx.today));

  return {
    accountId: facts.account.id,
    headline: headline
      ? { opportunityId: headline.opportunityId, evidenceStage: headline.evidenceStage, declaredStage: headline.declaredStage }
      : null,
    assessments,
    flags: {
      singleThreaded: !hasSponsor || engagedStakeholders < MIN_ENGAGED_STAKEHOLDERS,
      hasSponsor,
      engagedStakeholders,
      noOpenOpportunity: headline === undefined,
      firstValueNotReached: !firstValueReached,
    },
  };
}

function isAhead(a: OpportunityAssessment, b: OpportunityAssessment): boolean {
  const byEvidence = stageIndex(a.evidenceStage) - stageIndex(b.evidenceStage);
  if (byEvidence !== 0) return byEvidence > 0;
  const byDeclared = stageIndex(a.declaredStage) - stageIndex(b.declaredStage);
  if (byDeclared !== 0) return byDeclared > 0;
  return a.opportunityId < b.opportunityId;
}
