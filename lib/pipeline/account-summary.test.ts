import { describe, expect, it } from 'vitest';
import { summarizeAccount } from './account-summary';
import type { AccountFacts, MilestoneFact, OpportunityFacts, StakeholderFact } from './facts';
import { ACCOUNT_ID, bareFacts, fullyEvidencedFacts, stakeholder } from './testing/facts-factory';

const NOW = '2026-11-22';

function account(opportunities: OpportunityFacts[], stakeholders: StakeholderFact[] = [], milestones: MilestoneFact[] = []): AccountFacts {
  return { account: { id: ACCOUNT_ID, milestones }, stakeholders, opportunities };
}

/** A fully evidenced opportunity, still open: its evidence stage is Net Revenue Close. */
function openAtNetRevenueClose(): OpportunityFacts {
  const full = fullyEvidencedFacts();
  return { ...full, opportunity: { ...full.opportunity, status: 'open', declared_stage: 'intent' } };
}

describe('summarizeAccount: the headline', () => {
  it('is the most advanced open opportunity by evidence, whatever is declared elsewhere', () => {
    const hopeful = bareFacts({ opportunity: { declared_stage: 'net_revenue_close' } });
    const real = openAtNetRevenueClose();
    const summary = summarizeAccount(account([hopeful, real]), { now: NOW });
    expect(summary.headline).toEqual({ opportunityId: real.opportunity.id, evidenceStage: 'net_revenue_close', declaredStage: 'intent' });
    expect(summary.evaluations.map((e) => e.opportunityId)).toEqual([hopeful.opportunity.id, real.opportunity.id]);
  });

  it('ignores won and lost opportunities, however advanced', () => {
    const won = fullyEvidencedFacts();
    const open = bareFacts({ opportunity: { source: 'future_need' } });
    const lost = { ...openAtNetRevenueClose(), opportunity: { ...openAtNetRevenueClose().opportunity, status: 'lost' as const } };
    expect(summarizeAccount(account([won, lost, open]), { now: NOW }).headline?.opportunityId).toBe(open.opportunity.id);
  });

  it('breaks a tie on evidence by the further declared stage, then the smaller id, whatever the order', () => {
    const a = bareFacts({ opportunity: { declared_stage: 'align' } });
    const b = bareFacts({ opportunity: { declared_stage: 'advocate' } });
    const c = bareFacts({ opportunity: { declared_stage: 'advocate' } });
    const expected = [b, c].map((o) => o.opportunity.id).sort()[0];
    expect(summarizeAccount(account([a, b, c]), { now: NOW }).headline?.opportunityId).toBe(expected);
    expect(summarizeAccount(account([c, b, a]), { now: NOW }).headline?.opportunityId).toBe(expected);
  });

  it('is null, flagged "no open opportunity", when nothing is open', () => {
    const summary = summarizeAccount(account([fullyEvidencedFacts()]), { now: NOW });
    expect(summary.headline).toBeNull();
    expect(summary.flags.noOpenOpportunity).toBe(true);
    expect(summarizeAccount(account([]), { now: NOW }).flags.noOpenOpportunity).toBe(true);
  });
});

describe('summarizeAccount: single-threaded', () => {
  it.each([
    ['nobody mapped', [], true],
    ['a sponsor who is the only engaged stakeholder', [stakeholder('sponsor'), stakeholder('needs_education'), stakeholder('detractor')], true],
    ['two supporters but no sponsor', [stakeholder('supporter'), stakeholder('supporter')], true],
    ['a sponsor and a supporter', [stakeholder('sponsor'), stakeholder('supporter')], false],
  ] as [string, StakeholderFact[], boolean][])('%s → single-threaded %s', (_what, stakeholders, expected) => {
    expect(summarizeAccount(account([], stakeholders), { now: NOW }).flags.singleThreaded).toBe(expected);
  });

  it('reports the counts behind the flag', () => {
    const flags = summarizeAccount(account([], [stakeholder('sponsor'), stakeholder('unknown')]), { now: NOW }).flags;
    expect(flags).toMatchObject({ hasSponsor: true, engagedStakeholders: 1 });
  });
});

describe('summarizeAccount: First Value', () => {
  it.each([
    ['no milestone', [], true],
    ['kickoff only', [{ kind: 'kickoff', reached_on: '2026-01-10' }], true],
    ['First Value reached', [{ kind: 'first_value', reached_on: '2026-03-01' }], false],
    ['First Value dated next month', [{ kind: 'first_value', reached_on: '2026-12-20' }], true],
  ] as [string, MilestoneFact[], boolean][])('%s → not reached %s', (_what, milestones, expected) => {
    expect(summarizeAccount(account([], [], milestones), { now: NOW }).flags.firstValueNotReached).toBe(expected);
  });
});
