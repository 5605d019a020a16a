import { describe, expect, it } from 'vitest';
import { bareFacts } from '../testing/facts-factory';
import { judge } from '../testing/judge';

describe('opportunity_logged', () => {
  it('is met once the source is noted, backed by the opportunity itself', () => {
    const facts = bareFacts({ opportunity: { source: 'onboarding_gap' } });
    expect(judge('opportunity_logged', facts)).toEqual({ met: true, evidence: [facts.opportunity.id], lacking: null });
  });

  it('is not met while the source is unknown, and says so', () => {
    const verdict = judge('opportunity_logged', bareFacts());
    expect(verdict.met).toBe(false);
    expect(verdict.lacking).toMatch(/came from/);
  });
});
