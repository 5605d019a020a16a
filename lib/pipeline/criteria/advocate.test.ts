import { describe, expect, it } from 'vitest';
import type { StakeholderFact } from '../facts';
import { bareFacts, insight, meeting, stakeholder, step } from '../testing/facts-factory';
import { judge } from '../testing/judge';

const people = (...positions: StakeholderFact['position'][]) => positions.map((p) => stakeholder(p));

describe('stakeholders_mapped', () => {
  it('is met by three stakeholders with a role and a position', () => {
    const three = people('sponsor', 'supporter', 'detractor');
    expect(judge('stakeholders_mapped', bareFacts({ stakeholders: three }))).toMatchObject({ met: true, evidence: three.map((s) => s.id) });
  });

  it.each([
    ['only two people', people('sponsor', 'supporter')],
    ['three people, one whose position is unknown', people('sponsor', 'supporter', 'unknown')],
    ['three people, one without a role', [...people('sponsor', 'supporter'), stakeholder('needs_education', [])]],
  ])('is not met with %s, and counts the mapped ones', (_what, stakeholders) => {
    const verdict = judge('stakeholders_mapped', bareFacts({ stakeholders }));
    expect(verdict.met).toBe(false);
    expect(verdict.lacking).toMatch(/^2 of the 3/);
  });
});

describe('sponsor_identified', () => {
  it('is met by a stakeholder in position sponsor, whatever their title', () => {
    const sponsor = stakeholder('sponsor', ['end_user']);
    expect(judge('sponsor_identified', bareFacts({ stakeholders: [sponsor] }))).toMatchObject({ met: true, evidence: [sponsor.id] });
  });

  it('is not met by an executive who is only a supporter: position matters more than title', () => {
    expect(judge('sponsor_identified', bareFacts({ stakeholders: [stakeholder('supporter', ['executive_sponsor'])] })).met).toBe(false);
  });
});

describe('multi_threaded', () => {
  it('is met by a sponsor and a supporter', () => {
    expect(judge('multi_threaded', bareFacts({ stakeholders: people('sponsor', 'supporter') })).met).toBe(true);
  });

  it('is met by two supporters even without a sponsor (the sponsor is its own criterion)', () => {
    expect(judge('multi_threaded', bareFacts({ stakeholders: people('supporter', 'supporter') })).met).toBe(true);
  });

  it('is not met when the sponsor is the only engaged stakeholder, however many others are mapped', () => {
    const facts = bareFacts({ stakeholders: people('sponsor', 'needs_education', 'detractor', 'unknown') });
    expect(judge('sponsor_identified', facts).met).toBe(true);
    const verdict = judge('multi_threaded', facts);
    expect(verdict).toMatchObject({ met: false, evidence: [facts.stakeholders[0]!.id] });
    expect(verdict.lacking).toMatch(/Only one person/);
  });

  it('is not met by friendly contacts whose position is unknown', () => {
    expect(judge('multi_threaded', bareFacts({ stakeholders: people('unknown', 'unknown', 'needs_education') })).lacking).toMatch(/No stakeholder is engaged/);
  });
});

describe('insight_shared (window 90 days by default, judged on 2026-11-22)', () => {
  it.each([
    ['shared last week', '2026-11-15', true],
    ['shared exactly 90 days ago', '2026-08-24', true],
    ['shared 91 days ago (stale)', '2026-08-23', false],
    ['drafted, never shared', null, false],
    ['dated next week', '2026-11-29', false],
  ])('an insight %s → met %s', (_what, sharedOn, expected) => {
    expect(judge('insight_shared', bareFacts({ insights: [insight(sharedOn)] })).met).toBe(expected);
  });

  it('names the stale insight and the window', () => {
    const old = insight('2026-03-01');
    const verdict = judge('insight_shared', bareFacts({ insights: [old] }));
    expect(verdict).toMatchObject({ met: false, evidence: [old.id] });
    expect(verdict.lacking).toContain('90 days');
  });

  it('follows an admin-set window', () => {
    const facts = bareFacts({ insights: [insight('2026-10-01')] });
    expect(judge('insight_shared', facts, undefined, { freshness_days: { insight_shared: 30 } }).met).toBe(false);
    expect(judge('insight_shared', facts, undefined, { freshness_days: { insight_shared: 180 } }).met).toBe(true);
  });
});

describe('alignment_meeting_held (recommended)', () => {
  it.each([
    ['an alignment meeting held last month', meeting('alignment_meeting', '2026-10-20'), true],
    ['an alignment meeting planned for next month', meeting('alignment_meeting', '2026-12-20'), false],
    ['an executive conversation', meeting('executive_conversation', '2026-10-20'), false],
  ])('%s → met %s', (_what, m, expected) => {
    expect(judge('alignment_meeting_held', bareFacts({ meetings: [m] })).met).toBe(expected);
  });
});

describe('detractors_addressed (recommended)', () => {
  it('is met with nothing to point at when there is no detractor', () => {
    expect(judge('detractors_addressed', bareFacts({ stakeholders: people('sponsor') }))).toEqual({ met: true, evidence: [], lacking: null });
  });

  it('is met when each detractor has a planned step, backed by those steps', () => {
    const [a, b] = people('detractor', 'detractor');
    const steps = [step(a!.id), step(b!.id)];
    expect(judge('detractors_addressed', bareFacts({ stakeholders: [a!, b!], communication_steps: steps }))).toMatchObject({
      met: true,
      evidence: steps.map((s) => s.id),
    });
  });

  it('points at the detractor left without a planned step (a done or cancelled step is not a next step)', () => {
    const [a, b, c] = people('detractor', 'detractor', 'detractor');
    const facts = bareFacts({ stakeholders: [a!, b!, c!], communication_steps: [step(a!.id), step(b!.id, 'done'), step(c!.id, 'cancelled')] });
    const verdict = judge('detractors_addressed', facts);
    expect(verdict).toMatchObject({ met: false, evidence: [b!.id, c!.id] });
    expect(verdict.lacking).toMatch(/^2 detractors have no planned next step/);
  });
});

describe('communication_plan (recommended)', () => {
  it('is met when every high-influence stakeholder has a planned step', () => {
    const boss = stakeholder('supporter', ['approver'], 'high');
    const user = stakeholder('supporter', ['end_user'], 'low');
    expect(judge('communication_plan', bareFacts({ stakeholders: [boss, user], communication_steps: [step(boss.id)] })).met).toBe(true);
  });

  it('is not met when a high-influence stakeholder has none', () => {
    const boss = stakeholder('detractor', ['approver'], 'high');
    expect(judge('communication_plan', bareFacts({ stakeholders: [boss] }))).toMatchObject({ met: false, evidence: [boss.id] });
  });

  it('is not met when nobody is known to have high influence: the plan has no one to aim at', () => {
    expect(judge('communication_plan', bareFacts({ stakeholders: people('sponsor', 'supporter') })).lacking).toMatch(/high influence/);
  });
});
