import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessWithContext } from './assess';
import { STAGE_RANGES } from './catalog-layout';
import { CRITERIA } from './criteria';
import { evaluateWithContext, ruleContext } from './evaluate';
import { prepareFacts } from './prepared-facts';
import { missingCriteria, unbackedCriteria } from './explained';
import type { OpportunityFacts } from './facts';
import { unmetRecommended, unmetRequired } from './one-pass/unmet-bits';
import { PipelineSettings } from './settings';
import { STAGE_IDS } from './stages';
import { opportunityFactsArbitrary, PROPERTY_NOW } from './testing/facts-arbitrary';
import { realisticFacts } from './testing/realistic-facts';
import type { RuleContext } from './criteria/criterion';

const windows = fc.integer({ min: 1, max: 400 });
const contexts = fc
  .tuple(fc.integer({ min: -200, max: 200 }), windows, windows)
  .map(([shift, goalDays, insightDays]) =>
    ruleContext(Date.UTC(2026, 10, 22 + shift), PipelineSettings.parse({ freshness_days: { goal_current: goalDays, insight_shared: insightDays } })),
  );

/** What the dashboard gets from `assessWithContext`, read off the panel's full evaluation. */
function assessmentFromEvaluation(facts: OpportunityFacts, ctx: RuleContext) {
  const full = evaluateWithContext(prepareFacts(facts), ctx);
  return {
    opportunityId: full.opportunityId,
    declaredStage: full.declaredStage,
    evidenceStage: full.evidenceStage,
    declaredAhead: full.declaredAhead,
    missing: missingCriteria(full).map((i) => CRITERIA[i]!.id),
    unbacked: unbackedCriteria(full).map((i) => CRITERIA[i]!.id),
  };
}

describe('assess (the dashboard) and evaluate (the panel) agree', () => {
  it('on any facts, any day and any freshness windows, whatever the declared stage', () => {
    fc.assert(
      fc.property(opportunityFactsArbitrary, contexts, fc.constantFrom(...STAGE_IDS), (facts, ctx, declared) => {
        const redeclared = { ...facts, opportunity: { ...facts.opportunity, declared_stage: declared } };
        // Twice: the second time, the id lists come from the shared ones.
        expect(assessWithContext(prepareFacts(redeclared), ctx)).toEqual(assessmentFromEvaluation(redeclared, ctx));
        expect(assessWithContext(prepareFacts(redeclared), ctx)).toEqual(assessmentFromEvaluation(redeclared, ctx));
      }),
      { numRuns: 400 },
    );
  });

  it("on the benchmark's realistic portfolio", () => {
    const ctx = ruleContext(PROPERTY_NOW);
    for (const facts of realisticFacts(500, PROPERTY_NOW, 11)) expect(assessWithContext(prepareFacts(facts), ctx)).toEqual(assessmentFromEvaluation(facts, ctx));
  });

  it('hands out shared id lists that cannot be changed by one reader for the next', () => {
    const ctx = ruleContext(PROPERTY_NOW);
    const assessed = realisticFacts(50, PROPERTY_NOW, 11).map((facts) => assessWithContext(prepareFacts(facts), ctx));
    const lists = assessed.flatMap((a) => [a.missing, a.unbacked]).filter((ids) => ids.length > 0);
    expect(lists.length).toBeGreaterThan(0);
    for (const ids of lists) expect(Object.isFrozen(ids)).toBe(true);
    expect(() => (lists[0] as string[]).push('goal_documented')).toThrow(TypeError);
  });
});

describe("the stage loops of unmet-bits.ts decide as each criterion's isMet", () => {
  it('for every stage, required and recommended, on any facts, day and windows', () => {
    fc.assert(
      fc.property(opportunityFactsArbitrary, contexts, (facts, ctx) => {
        STAGE_IDS.forEach((stage, s) => {
          const [first, end] = STAGE_RANGES[s]!;
          const unmet = { required: [] as string[], recommended: [] as string[] };
          for (let i = first; i < end; i += 1) if (!CRITERIA[i]!.isMet(facts, ctx)) unmet[CRITERIA[i]!.importance].push(CRITERIA[i]!.id);
          expect([stage, idsOf(unmetRequired(s, prepareFacts(facts), ctx))]).toEqual([stage, unmet.required]);
          expect([stage, idsOf(unmetRecommended(s, prepareFacts(facts), ctx))]).toEqual([stage, unmet.recommended]);
        });
      }),
      { numRuns: 400 },
    );
  });
});

function idsOf(bits: number): string[] {
  return CRITERIA.filter((_, i) => bits & (1 << i)).map((c) => c.id);
}
