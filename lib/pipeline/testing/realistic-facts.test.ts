import { describe, expect, it } from 'vitest';
import { evaluateOpportunity } from '../evaluate';
import { OpportunityFacts } from '../facts';
import { prepareFacts } from '../prepared-facts';
import { realisticFacts } from './realistic-facts';

describe('realisticFacts (benchmark data)', () => {
  const facts = realisticFacts(2_000, '2026-11-22');

  it('produces facts the schema accepts', () => {
    expect(OpportunityFacts.array().safeParse(facts).error).toBeUndefined();
  });

  it('spreads opportunities over every evidence stage, so the benchmark exercises every rule', () => {
    const stages = new Set(facts.map((f) => evaluateOpportunity(prepareFacts(f), { now: '2026-11-22' }).evidenceStage));
    expect([...stages].sort()).toEqual(['advocate', 'align', 'complete', 'identify', 'intent', 'net_revenue_close']);
  });

  it('is the same for the same seed', () => {
    expect(realisticFacts(50, '2026-11-22', 7)).toEqual(realisticFacts(50, '2026-11-22', 7));
  });
});
