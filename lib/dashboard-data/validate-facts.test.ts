import { describe, expect, it } from 'vitest';
import { OpportunityFacts } from '../pipeline/facts';
import { bareFacts, uuidFor } from '../pipeline/testing/facts-factory';
import { validateFactsList } from './validate-facts';

const ACCOUNT = uuidFor(0x10);
const stakeholder = { id: uuidFor(0x20), roles: ['budget_owner'], position: 'sponsor', influence: 'high' };

function pair() {
  const a = bareFacts({ opportunity: { id: uuidFor(1), account_id: ACCOUNT }, stakeholders: [stakeholder as never] });
  const b = bareFacts({ opportunity: { id: uuidFor(2), account_id: ACCOUNT, declared_stage: 'intent' }, stakeholders: [stakeholder as never] });
  return [a, b].map((f) => JSON.parse(JSON.stringify(f)) as Record<string, unknown>);
}

describe('validateFactsList', () => {
  it('gives what OpportunityFacts gives, for every opportunity', () => {
    const raw = pair();
    const checked = validateFactsList(raw);
    expect(checked).toEqual({ ok: true, facts: raw.map((f) => OpportunityFacts.parse(f)) });
  });

  it('still rejects a bad opportunity part after its account was checked', () => {
    const raw = pair();
    (raw[1]!.opportunity as Record<string, unknown>).declared_stage = 'somewhere';
    expect(validateFactsList(raw)).toMatchObject({ ok: false, index: 1, message: expect.stringContaining('opportunity.declared_stage') });
  });

  it('checks account lists again when they differ from the ones already checked', () => {
    const raw = pair();
    raw[1]!.stakeholders = [{ ...stakeholder, position: 'best friend' }];
    expect(validateFactsList(raw)).toMatchObject({ ok: false, index: 1, message: expect.stringContaining('stakeholders.0.position') });
  });
});
