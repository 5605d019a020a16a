import { describe, expect, it } from 'vitest';
import { dayNumber } from './days';
import { evaluateWithContext, ruleContext } from './evaluate';
import { plainEvaluation } from './explained';
import { createFactsPreparer, NO_DAY, POSITION, prepareFacts, ROLE, STEP_STATUS } from './prepared-facts';
import { bareFacts, businessCase, goal, outcome, stakeholder, step, uuidFor } from './testing/facts-factory';
import { PROPERTY_NOW } from './testing/facts-arbitrary';
import { realisticFacts } from './testing/realistic-facts';
import { referenceEvaluate } from './testing/reference-evaluate';

describe('prepareFacts: the in-memory form the rules read', () => {
  it('turns days into day numbers, and a day not recorded into NO_DAY, later than any real day', () => {
    const confirmed = goal('2026-11-01');
    const never = goal(null);
    const prepared = prepareFacts(bareFacts({ goals: [confirmed, never], opportunity: { target_date: '2027-01-15' } }));
    expect(prepared.account.goals.confirmedOn).toEqual([dayNumber('2026-11-01'), NO_DAY]);
    expect(prepared.opportunity.targetDay).toBe(dayNumber('2027-01-15'));
    expect(prepared.opportunity.targetConfirmedDay).toBe(NO_DAY);
    expect(NO_DAY).toBeGreaterThan(dayNumber('9999-12-31'));
  });

  it('resolves links to indexes once: an outcome on no recorded goal, and a step of nobody listed, point at -1', () => {
    const [first, second] = [goal(null), goal(null)];
    const person = stakeholder('sponsor', ['budget_owner', 'legal']);
    const prepared = prepareFacts(
      bareFacts({
        goals: [first, second],
        outcomes: [outcome(second.id), outcome(uuidFor(0xdead))],
        stakeholders: [person],
        communication_steps: [step(person.id, 'done'), step(uuidFor(0xbeef))],
      }),
    );
    expect(prepared.account.outcomes.goal).toEqual([1, -1]);
    expect(prepared.account.steps.stakeholder).toEqual([0, -1]);
    expect(prepared.account.steps.status).toEqual([STEP_STATUS.done, STEP_STATUS.planned]);
    expect(prepared.account.stakeholders.roles).toEqual([(1 << ROLE.budget_owner) | (1 << ROLE.legal)]);
    expect(prepared.account.stakeholders.position).toEqual([POSITION.sponsor]);
  });

  it('gives a person listed twice one identity, so a step counts for both copies as the plain rules count it', () => {
    const person = stakeholder('detractor');
    const facts = bareFacts({ stakeholders: [stakeholder('supporter'), person, { ...person }], communication_steps: [step(person.id)] });
    const prepared = prepareFacts(facts);
    expect(prepared.account.stakeholders.self).toEqual([0, 1, 1]);
    expect(prepared.account.steps.stakeholder).toEqual([1]);
    const ctx = ruleContext(PROPERTY_NOW);
    expect(plainEvaluation(evaluateWithContext(prepared, ctx))).toEqual(referenceEvaluate(facts, ctx));
  });

  it('keeps which answers of the business case are missing as bits, none when complete', () => {
    expect(prepareFacts(bareFacts({ business_case: businessCase() })).businessCase?.unanswered).toBe(0);
    expect(prepareFacts(bareFacts({ business_case: businessCase({ progress_answered: false }) })).businessCase?.unanswered).not.toBe(0);
  });
});

describe('createFactsPreparer: a batch of opportunities sharing their account lists', () => {
  it('prepares the lists once per account and gives what prepareFacts gives each opportunity', () => {
    const [a, b, c] = realisticFacts(3, PROPERTY_NOW, 5);
    const shared = { ...a!, opportunity: { ...b!.opportunity }, intent_signals: b!.intent_signals };
    const batch = [a!, shared, c!];
    const prepare = createFactsPreparer();
    const prepared = batch.map(prepare);
    expect(prepared).toEqual(batch.map(prepareFacts));
    expect(prepared[1]!.account).toBe(prepared[0]!.account);
    expect(prepared[2]!.account).not.toBe(prepared[1]!.account);
  });

  it('prepares anew when only some of the lists are the same objects', () => {
    const [a] = realisticFacts(1, PROPERTY_NOW, 5);
    const changed = { ...a!, goals: [...a!.goals, goal('2026-11-20')] };
    const prepare = createFactsPreparer();
    prepare(a!);
    expect(prepare(changed)).toEqual(prepareFacts(changed));
  });
});
