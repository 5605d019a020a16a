import { describe, expect, it } from 'vitest';
import { bareFacts, businessCase, goal, outcome, useCase } from '../testing/facts-factory';
import { judge } from '../testing/judge';

describe('goal_documented', () => {
  it('is met by any goal, confirmed or not', () => {
    const g = goal(null);
    expect(judge('goal_documented', bareFacts({ goals: [g] }))).toMatchObject({ met: true, evidence: [g.id] });
  });

  it('is not met without a goal', () => {
    expect(judge('goal_documented', bareFacts()).met).toBe(false);
  });
});

describe('goal_current (window 90 days by default, judged on 2026-11-22)', () => {
  it.each([
    ['confirmed today', '2026-11-22', true],
    ['confirmed exactly 90 days ago', '2026-08-24', true],
    ['confirmed 91 days ago (stale)', '2026-08-23', false],
    ['confirmed last year (stale)', '2025-11-01', false],
    ['dated tomorrow (has not happened)', '2026-11-23', false],
  ])('a goal %s → met %s', (_what, confirmedOn, expected) => {
    expect(judge('goal_current', bareFacts({ goals: [goal(confirmedOn)] })).met).toBe(expected);
  });

  it('names the stale goals and the window when every confirmation is old', () => {
    const old = goal('2026-01-10');
    const verdict = judge('goal_current', bareFacts({ goals: [old, goal(null)] }));
    expect(verdict).toMatchObject({ met: false, evidence: [old.id] });
    expect(verdict.lacking).toContain('90 days');
  });

  it('is backed only by the fresh goals when fresh and stale ones coexist', () => {
    const fresh = goal('2026-11-01');
    expect(judge('goal_current', bareFacts({ goals: [goal('2025-01-01'), fresh] }))).toMatchObject({ met: true, evidence: [fresh.id] });
  });

  it('follows an admin-set window', () => {
    const facts = bareFacts({ goals: [goal('2026-10-01')] });
    expect(judge('goal_current', facts, undefined, { freshness_days: { goal_current: 30 } }).met).toBe(false);
    expect(judge('goal_current', facts, undefined, { freshness_days: { goal_current: 60 } }).met).toBe(true);
  });

  it('distinguishes never confirmed from no goal at all', () => {
    expect(judge('goal_current', bareFacts({ goals: [goal(null)] })).lacking).toMatch(/confirmed/);
    expect(judge('goal_current', bareFacts()).lacking).toMatch(/No customer goal/);
  });
});

describe('outcomes_recorded', () => {
  it('is met by progress linked to a recorded goal', () => {
    const g = goal(null);
    const o = outcome(g.id);
    expect(judge('outcomes_recorded', bareFacts({ goals: [g], outcomes: [o] }))).toMatchObject({ met: true, evidence: [o.id] });
  });

  it('is not met by progress against a goal that is not on record', () => {
    const orphan = outcome(goal(null).id);
    const verdict = judge('outcomes_recorded', bareFacts({ goals: [goal(null)], outcomes: [orphan] }));
    expect(verdict).toMatchObject({ met: false, evidence: [orphan.id] });
  });

  it('is not met without any progress recorded', () => {
    expect(judge('outcomes_recorded', bareFacts({ goals: [goal(null)] })).met).toBe(false);
  });
});

describe('use_cases_recorded (recommended)', () => {
  it.each([
    [['active', 'discussed_not_active'], true],
    [['active', 'adjacent_team'], true],
    [['active', 'active'], false],
    [['discussed_not_active'], false],
    [[], false],
  ] as const)('use cases %j → met %s', (statuses, expected) => {
    expect(judge('use_cases_recorded', bareFacts({ use_cases: statuses.map(useCase) })).met).toBe(expected);
  });
});

describe('business_case_complete', () => {
  it('is met when all four answers are written down, even if the customer cannot tell it yet', () => {
    const bc = businessCase({ portable: false });
    expect(judge('business_case_complete', bareFacts({ business_case: bc }))).toMatchObject({ met: true, evidence: [bc.id] });
  });

  it.each(['goal_answered', 'progress_answered', 'path_answered', 'success_answered'] as const)('is not met when %s is missing', (answer) => {
    const verdict = judge('business_case_complete', bareFacts({ business_case: businessCase({ [answer]: false }) }));
    expect(verdict.met).toBe(false);
    expect(verdict.lacking).toMatch(/does not yet answer/);
  });

  it('lists every open answer', () => {
    const verdict = judge('business_case_complete', bareFacts({ business_case: businessCase({ goal_answered: false, success_answered: false }) }));
    expect(verdict.lacking).toContain('the goal');
    expect(verdict.lacking).toContain('what success looks like');
    expect(verdict.lacking).not.toContain('progress so far');
  });

  it('is not met without a business case', () => {
    expect(judge('business_case_complete', bareFacts()).met).toBe(false);
  });
});

describe('business_case_portable (recommended)', () => {
  it.each([
    [true, true],
    [false, false],
  ])('portable %s → met %s', (portable, expected) => {
    expect(judge('business_case_portable', bareFacts({ business_case: businessCase({ portable }) })).met).toBe(expected);
  });

  it('is not met without a business case', () => {
    expect(judge('business_case_portable', bareFacts()).met).toBe(false);
  });
});
