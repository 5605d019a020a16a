import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRITERIA, CRITERION_IDS } from './criteria';
import { evaluateOpportunity } from './evaluate';
import { prepareFacts } from './prepared-facts';
import {
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
import { bareFacts, goal, outcome, stakeholder } from './testing/facts-factory';
import { opportunityFactsArbitrary, PROPERTY_NOW } from './testing/facts-arbitrary';

const NOW = '2026-11-22';
const at = (id: (typeof CRITERION_IDS)[number]) => criterionIndex(id);

describe('reading an evaluation by catalog index', () => {
  it('gives each criterion its own evidence, met flag and lacking text', () => {
    const g = goal('2026-11-01');
    const stale = goal('2025-01-10');
    const sponsor = stakeholder('sponsor', ['executive_sponsor']);
    const facts = bareFacts({ opportunity: { source: 'constraint' }, goals: [g, stale], outcomes: [outcome(g.id)], stakeholders: [sponsor] });
    const evaluation = evaluateOpportunity(prepareFacts(facts), { now: NOW });

    expect(evidenceOf(evaluation, at('opportunity_logged'))).toEqual([facts.opportunity.id]);
    expect(evidenceOf(evaluation, at('goal_documented'))).toEqual([g.id, stale.id]);
    expect(evidenceOf(evaluation, at('goal_current'))).toEqual([g.id]);
    expect(evidenceOf(evaluation, at('sponsor_identified'))).toEqual([sponsor.id]);
    expect(isMet(evaluation, at('goal_current'))).toBe(true);
    expect(lackingOf(evaluation, at('goal_current'))).toBeNull();

    const onlyOne = at('multi_threaded');
    expect(isMet(evaluation, onlyOne)).toBe(false);
    expect(evidenceOf(evaluation, onlyOne)).toEqual([sponsor.id]);
    expect(lackingOf(evaluation, onlyOne)).toMatch(/Only one person is engaged/);
    expect(evidenceOf(evaluation, at('business_case_complete'))).toEqual([]);
    expect(lackingOf(evaluation, at('business_case_complete'))).toMatch(/No business case/);
  });

  it('lists the missing criteria required first, then recommended, and the unbacked ones in catalog order', () => {
    const facts = bareFacts({ opportunity: { source: 'constraint', declared_stage: 'intent' } });
    const evaluation = evaluateOpportunity(prepareFacts(facts), { now: NOW });
    expect(evaluation.evidenceStage).toBe('align');
    const ids = (indexes: readonly number[]) => indexes.map((i) => CRITERION_IDS[i]);
    expect(ids(missingCriteria(evaluation))).toEqual([
      'goal_documented',
      'goal_current',
      'outcomes_recorded',
      'business_case_complete',
      'use_cases_recorded',
      'business_case_portable',
    ]);
    expect(ids(unbackedCriteria(evaluation))).toEqual([
      'goal_documented',
      'goal_current',
      'outcomes_recorded',
      'use_cases_recorded',
      'business_case_complete',
      'business_case_portable',
      'stakeholders_mapped',
      'sponsor_identified',
      'multi_threaded',
      'insight_shared',
      'alignment_meeting_held',
      'communication_plan',
    ]);
    expect(hasCriterion(evaluation.unbacked, at('detractors_addressed'))).toBe(false);
    expect(missingCriteria(evaluateOpportunity(prepareFacts(bareFacts({ opportunity: { source: 'constraint' } })), { now: NOW }))).toHaveLength(6);
  });

  it('spells a row out with the words of the catalog, not copies kept in the evaluation', () => {
    const evaluation = evaluateOpportunity(prepareFacts(bareFacts()), { now: NOW });
    const i = at('sponsor_identified');
    expect(criterionResult(evaluation, i)).toEqual({
      id: 'sponsor_identified',
      stage: 'advocate',
      importance: 'required',
      label: CRITERIA[i]!.label,
      question: CRITERIA[i]!.question,
      met: false,
      evidence: [],
      lacking: lackingOf(evaluation, i),
    });
    expect(JSON.stringify(evaluation)).not.toContain(CRITERIA[i]!.question);
  });

  it('orders any set of missing criteria required first, then recommended, each in catalog order, within a stage or across stages', () => {
    const evaluation = evaluateOpportunity(prepareFacts(bareFacts()), { now: NOW });
    const inShowOrder = (set: number) => [
      ...CRITERIA.flatMap((c, i) => (set & (1 << i) && c.importance === 'required' ? [i] : [])),
      ...CRITERIA.flatMap((c, i) => (set & (1 << i) && c.importance === 'recommended' ? [i] : [])),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: CRITERIA.length - 1 }), fc.integer({ min: 1, max: CRITERIA.length }), fc.nat(), (first, width, bits) => {
        const set = bits & (((2 ** Math.min(width, CRITERIA.length - first)) - 1) << first);
        expect(missingCriteria({ ...evaluation, missing: set })).toEqual(inShowOrder(set));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every criterion of the catalog at its own index', () => {
    expect(CRITERION_IDS.map((id) => criterionIndex(id))).toEqual(CRITERIA.map((_, i) => i));
    expect(inCatalogOrder((1 << 3) | (1 << 0) | (1 << 28))).toEqual([0, 3, 28]);
  });
});

describe('the layout of an evaluation', () => {
  it('holds, for any facts: ranges in order covering all the ids, a text exactly where unmet, sets within the unmet ones', () => {
    fc.assert(
      fc.property(opportunityFactsArbitrary, (facts) => {
        const evaluation = evaluateOpportunity(prepareFacts(facts), { now: PROPERTY_NOW });
        expect(evaluation.evidenceStart).toHaveLength(CRITERIA.length + 1);
        expect(evidenceFrom(evaluation, 0)).toBe(0);
        expect(evidenceTo(evaluation, CRITERIA.length - 1)).toBe(evaluation.evidence.length);
        CRITERIA.forEach((_, i) => {
          expect(evidenceTo(evaluation, i)).toBeGreaterThanOrEqual(evidenceFrom(evaluation, i));
          expect(lackingOf(evaluation, i) === null).toBe(isMet(evaluation, i));
          expect(hasCriterion(evaluation.unmet, i)).toBe(!isMet(evaluation, i));
        });
        expect(evaluation.missing & ~evaluation.unmet).toBe(0);
        expect(evaluation.unbacked & ~evaluation.unmet).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('survives JSON and structured clone unchanged, compact and spelled out', () => {
    fc.assert(
      fc.property(opportunityFactsArbitrary, (facts) => {
        const evaluation = evaluateOpportunity(prepareFacts(facts), { now: PROPERTY_NOW });
        expect(JSON.parse(JSON.stringify(evaluation))).toEqual(evaluation);
        expect(structuredClone(evaluation)).toEqual(evaluation);
        expect(JSON.parse(JSON.stringify(plainEvaluation(evaluation)))).toEqual(plainEvaluation(evaluation));
      }),
      { numRuns: 50 },
    );
  });
});
