import { describe, expect, it } from 'vitest';
import { OpportunityFacts } from './facts';
import { DEFAULT_SETTINGS, PipelineSettings } from './settings';

/** Facts as the database view would send them: JSON text, snake_case, dates as text. */
const fromTheDatabase = `{
  "opportunity": {
    "id": "00000000-0000-0000-0000-000000000001", "account_id": "00000000-0000-0000-0000-0000000000a1",
    "type": "expansion", "source": "future_need", "declared_stage": "advocate", "status": "open",
    "amount": 12000.5, "target_date": "2027-03-31", "target_date_confirmed_on": null, "stage_entered_at": "2026-10-01T09:00:00Z"
  },
  "goals": [{ "id": "00000000-0000-0000-0000-0000000000b1", "confirmed_current_on": "2026-11-01" }],
  "outcomes": [], "use_cases": [{ "id": "00000000-0000-0000-0000-0000000000c1", "status": "adjacent_team" }],
  "business_case": null,
  "stakeholders": [{ "id": "00000000-0000-0000-0000-0000000000d1", "roles": ["budget_owner", "approver"], "position": "sponsor", "influence": null }],
  "intent_signals": [{ "id": "00000000-0000-0000-0000-0000000000e1", "kind": "verbal_commitment", "occurred_on": "2026-11-20", "has_next_steps_with_owners": false }],
  "insights": [], "meetings": [], "communication_steps": [], "close_record": null
}`;

describe('OpportunityFacts', () => {
  it('accepts the JSON a SQL view produces, dropping keys the rules do not read', () => {
    const facts = OpportunityFacts.parse(JSON.parse(fromTheDatabase));
    expect(facts.opportunity.declared_stage).toBe('advocate');
    expect(facts.opportunity).not.toHaveProperty('stage_entered_at');
    expect(facts.stakeholders[0]?.roles).toEqual(['budget_owner', 'approver']);
  });

  it('rejects a list sent as null, naming the key', () => {
    const bad = { ...JSON.parse(fromTheDatabase), goals: null };
    const result = OpportunityFacts.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['goals']);
  });

  it.each([
    ['a timestamp where a day is expected', { goals: [{ id: '00000000-0000-0000-0000-0000000000b1', confirmed_current_on: '2026-11-01T10:00:00Z' }] }],
    ['an enum value of another vocabulary', { use_cases: [{ id: '00000000-0000-0000-0000-0000000000c1', status: 'Active' }] }],
    ['an id that is not a UUID', { insights: [{ id: 'insight-1', shared_on: null }] }],
  ])('rejects %s', (_what, patch) => {
    expect(OpportunityFacts.safeParse({ ...JSON.parse(fromTheDatabase), ...patch }).success).toBe(false);
  });
});

describe('PipelineSettings', () => {
  it('defaults every freshness window to 90 days', () => {
    expect(DEFAULT_SETTINGS.freshness_days).toEqual({ goal_current: 90, insight_shared: 90 });
  });

  it('keeps an admin override and defaults the rest', () => {
    expect(PipelineSettings.parse({ freshness_days: { insight_shared: 30 } }).freshness_days).toEqual({ goal_current: 90, insight_shared: 30 });
  });

  it.each([0, -5, 2.5, 4000, '30'])('rejects a window of %s days', (days) => {
    expect(PipelineSettings.safeParse({ freshness_days: { goal_current: days } }).success).toBe(false);
  });
});
