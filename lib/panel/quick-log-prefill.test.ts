import { describe, expect, it } from 'vitest';
import { quickLogPrefill } from './quick-log-prefill';

const suggestions = { day: '2026-11-20', stakeholder_ids: ['s1'], title: 'QBR' };

describe('quickLogPrefill', () => {
  it('puts the thread or event day in the date field of each dated kind', () => {
    expect(quickLogPrefill('intent_signal', suggestions)).toEqual({ occurred_on: '2026-11-20', stakeholder_ids: ['s1'] });
    expect(quickLogPrefill('meeting', suggestions)).toEqual({ held_on: '2026-11-20', stakeholder_ids: ['s1'] });
    expect(quickLogPrefill('milestone', suggestions)).toEqual({ reached_on: '2026-11-20' });
  });

  it('never claims a goal was confirmed just because it came up', () => {
    expect(quickLogPrefill('goal', suggestions)).toEqual({ stakeholder_ids: ['s1'] });
  });

  it('adds no stakeholders when none of the account is on the thread', () => {
    expect(quickLogPrefill('insight', { ...suggestions, stakeholder_ids: [] })).toEqual({ shared_on: '2026-11-20' });
  });
});
