import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessWithContext } from './assess';
import { CRITERIA } from './criteria';
import { evaluateOpportunity, evaluateWithContext, ruleContext, type EvaluateOptions } from './evaluate';
import { prepareFacts } from './prepared-facts';
import { missingCriteria, plainEvaluation, unbackedCriteria } from './explained';
import type { OpportunityFacts } from './facts';
import { PipelineSettings } from './settings';
import { STAGE_IDS, stageIndex } from './stages';
import { fullyEvidencedFacts } from './testing/facts-factory';
import { lessEvidenceArbitrary, opportunityFactsArbitrary, PROPERTY_NOW, withMoreEvidence } from './testing/facts-arbitrary';
import { realisticFacts } from './testing/realistic-facts';
import { referenceEvaluate } from './testing/reference-evaluate';

const stageOf = (facts: OpportunityFacts, now: string | number = PROPERTY_NOW) => stageIndex(evaluateOpportunity(prepareFacts(facts), { now }).evidenceStage);
/** The evaluation spelled out per criterion, through the readers the panel uses (`explained.ts`). */
const explained = (facts: OpportunityFacts, options: EvaluateOptions) => plainEvaluation(evaluateOpportunity(prepareFacts(facts), options));

describe('evidence stage properties', () => {
  it('adding evidence never lowers the evidence stage', () => {
    fc.assert(
      fc.property(opportunityFactsArbitrary, opportunityFactsArbitrary, (base, extra) => {
        expect(stageOf(withMoreEvidence(base, extra))).toBeGreaterThanOrEqual(stageOf(base));
      }),
    );
  });

  it('removing evidence never raises the evidence stage', () => {
    fc.assert(
      fc.property(
        opportunityFactsArbitrary.chain((base) => fc.tuple(fc.constant(base), lessEvidenceArbitrary(base))),
        ([base, less]) => {
          expect(stageOf(less)).toBeLessThanOrEqual(stageOf(base));
        },
      ),
    );
  });

  it('removing evidence from a complete opportunity can only lower it (seeded from full facts)', () => {
    const full = fullyEvidencedFacts();
    fc.assert(
      fc.property(lessEvidenceArbitrary(full), (less) => {
        expect(stageOf(less)).toBeLessThanOrEqual(stageOf(full));
      }),
    );
  });

  it('never depends on the declared stage', () => {
    fc.assert(
      fc.property(opportunityFactsArbitrary, fc.constantFrom(...STAGE_IDS), (facts, declared) => {
        const redeclared = { ...facts, opportunity: { ...facts.opportunity, declared_stage: declared } };
        const a = explained(facts, { now: PROPERTY_NOW });
        const b = explained(redeclared, { now: PROPERTY_NOW });
        expect(b.evidenceStage).toBe(a.evidenceStage);
        expect(b.criteria).toEqual(a.criteria);
        expect(b.missing).toEqual(a.missing);
      }),
    );
  });

  it('an opportunity meeting every required criterion of every stage is complete, and only then', () => {
    fc.assert(
      fc.property(opportunityFactsArbitrary, (facts) => {
        const result = explained(facts, { now: PROPERTY_NOW });
        const allRequiredMet = result.criteria.every((c) => c.met || c.importance === 'recommended');
        expect(result.evidenceStage === 'complete').toBe(allRequiredMet);
      }),
    );
  });

  it('any opportunity, once won with the full evidence added, is complete', () => {
    const full = fullyEvidencedFacts();
    fc.assert(
      fc.property(opportunityFactsArbitrary, (facts) => {
        const won = { ...facts, opportunity: { ...facts.opportunity, status: 'won' as const } };
        expect(evaluateOpportunity(prepareFacts(withMoreEvidence(won, full)), { now: PROPERTY_NOW }).evidenceStage).toBe('complete');
      }),
    );
  });

  it('the evidence stage is the first stage with an unmet required criterion, and missing lists its gaps in order', () => {
    fc.assert(
      fc.property(opportunityFactsArbitrary, (facts) => {
        const result = explained(facts, { now: PROPERTY_NOW });
        const index = stageIndex(result.evidenceStage);
        const unmetRequired = result.criteria.filter((c) => !c.met && c.importance === 'required');
        expect(unmetRequired.every((c) => stageIndex(c.stage) >= index)).toBe(true);
        if (result.evidenceStage !== 'complete') {
          expect(unmetRequired.some((c) => c.stage === result.evidenceStage)).toBe(true);
          const firstRecommended = result.missing.findIndex((c) => c.importance === 'recommended');
          expect(result.missing.slice(firstRecommended < 0 ? result.missing.length : firstRecommended).every((c) => c.importance === 'recommended')).toBe(true);
          expect(result.missing.every((c) => c.stage === result.evidenceStage && !c.met)).toBe(true);
        }
        expect(result.declaredAhead).toBe(stageIndex(result.declaredStage) > index);
        expect(result.unbacked.length > 0).toBe(result.declaredAhead);
      }),
    );
  });

  it('is deterministic for a given now, whatever the order of the lists', () => {
    fc.assert(
      fc.property(opportunityFactsArbitrary, fc.integer({ min: 0, max: 1e6 }), (facts, seed) => {
        const first = explained(facts, { now: PROPERTY_NOW });
        expect(explained(structuredClone(facts), { now: PROPERTY_NOW })).toEqual(first);
        const shuffled = shuffleLists(facts, seed);
        const again = explained(shuffled, { now: PROPERTY_NOW });
        expect(again.evidenceStage).toBe(first.evidenceStage);
        expect(again.criteria.map((c) => [c.id, c.met, [...c.evidence].sort()])).toEqual(first.criteria.map((c) => [c.id, c.met, [...c.evidence].sort()]));
      }),
    );
  });
});

describe('the two forms of each rule agree', () => {
  const windows = fc.integer({ min: 1, max: 400 });

  it('every criterion: isMet gives the same answer as explain, for any facts, day and windows', () => {
    fc.assert(
      fc.property(opportunityFactsArbitrary, fc.integer({ min: -200, max: 200 }), windows, windows, (facts, shift, goalDays, insightDays) => {
        const now = Date.UTC(2026, 10, 22 + shift);
        const ctx = ruleContext(now, PipelineSettings.parse({ freshness_days: { goal_current: goalDays, insight_shared: insightDays } }));
        for (const criterion of CRITERIA) {
          expect([criterion.id, criterion.isMet(facts, ctx)]).toEqual([criterion.id, criterion.explain(facts, ctx).met]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('assessing (the dashboard) gives the stage, missing and unbacked ids of evaluating (the panel)', () => {
    fc.assert(
      fc.property(opportunityFactsArbitrary, (facts) => {
        const full = evaluateOpportunity(prepareFacts(facts), { now: PROPERTY_NOW });
        const lean = assessWithContext(prepareFacts(facts), ruleContext(PROPERTY_NOW));
        expect(lean).toEqual({
          opportunityId: full.opportunityId,
          declaredStage: full.declaredStage,
          evidenceStage: full.evidenceStage,
          declaredAhead: full.declaredAhead,
          missing: missingCriteria(full).map((i) => CRITERIA[i]!.id),
          unbacked: unbackedCriteria(full).map((i) => CRITERIA[i]!.id),
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the fast evaluation equals the plain one', () => {
  const windows = fc.integer({ min: 1, max: 400 });

  it('gives the output of the reference evaluation, for any facts, day and windows', () => {
    fc.assert(
      fc.property(opportunityFactsArbitrary, fc.integer({ min: -200, max: 200 }), windows, windows, (facts, shift, goalDays, insightDays) => {
        const ctx = ruleContext(Date.UTC(2026, 10, 22 + shift), PipelineSettings.parse({ freshness_days: { goal_current: goalDays, insight_shared: insightDays } }));
        // Twice: the second time, the reused writer holds the first one's ids and texts.
        expect(plainEvaluation(evaluateWithContext(prepareFacts(facts), ctx))).toEqual(referenceEvaluate(facts, ctx));
        expect(plainEvaluation(evaluateWithContext(prepareFacts(facts), ctx))).toEqual(referenceEvaluate(facts, ctx));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the output of the reference evaluation on the benchmark\'s realistic portfolio', () => {
    const ctx = ruleContext(PROPERTY_NOW);
    for (const facts of realisticFacts(400, PROPERTY_NOW, 7)) expect(plainEvaluation(evaluateWithContext(prepareFacts(facts), ctx))).toEqual(referenceEvaluate(facts, ctx));
  });

  it('gives the output of the reference evaluation on lists longer than its scratch space, and on short ones after them', () => {
    const ctx = ruleContext(PROPERTY_NOW);
    const portfolio = realisticFacts(120, PROPERTY_NOW, 11);
    // Each opportunity's lists joined with those of the next 59: hundreds of stakeholders, signals and insights.
    const long = portfolio.slice(0, 60).map((first, i) => portfolio.slice(i + 1, i + 60).reduce(withMoreEvidence, first));
    expect(Math.max(...long.map((f) => f.stakeholders.length))).toBeGreaterThan(128);
    expect(Math.max(...long.map((f) => f.intent_signals.length))).toBeGreaterThan(128);
    for (const facts of [...long, ...portfolio]) expect(plainEvaluation(evaluateWithContext(prepareFacts(facts), ctx))).toEqual(referenceEvaluate(facts, ctx));
  });

  it('hands out evaluations that the next evaluation leaves alone, though its scratch is reused', () => {
    const ctx = ruleContext(PROPERTY_NOW);
    const [first, ...others] = realisticFacts(200, PROPERTY_NOW, 7);
    const evaluation = evaluateWithContext(prepareFacts(first!), ctx);
    const before = structuredClone(evaluation);
    expect(before.evidence.length).toBeGreaterThan(0);
    for (const facts of others) evaluateWithContext(prepareFacts(facts), ctx);
    expect(evaluation).toEqual(before);
  });
});

/** Same facts, lists reversed or rotated by `seed`: producers may send them in any order. */
function shuffleLists(facts: OpportunityFacts, seed: number): OpportunityFacts {
  const mix = <T>(items: readonly T[]): T[] => {
    if (items.length === 0) return [];
    const k = seed % items.length;
    const rotated = [...items.slice(k), ...items.slice(0, k)];
    return seed % 2 === 0 ? rotated.reverse() : rotated;
  };
  return {
    ...facts,
    goals: mix(facts.goals),
    outcomes: mix(facts.outcomes),
    use_cases: mix(facts.use_cases),
    stakeholders: mix(facts.stakeholders),
    intent_signals: mix(facts.intent_signals),
    insights: mix(facts.insights),
    meetings: mix(facts.meetings),
    communication_steps: mix(facts.communication_steps),
  };
}
