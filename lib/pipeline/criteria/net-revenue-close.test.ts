import { describe, expect, it } from 'vitest';
import type { CloseRecordFact, OpportunityRecord } from '../facts';
import { bareFacts, closeRecord } from '../testing/facts-factory';
import { judge } from '../testing/judge';

const won: Partial<OpportunityRecord> = { status: 'won' };

describe('agreement_finalized', () => {
  it('is met by a won opportunity with a finalised agreement', () => {
    const close = closeRecord();
    expect(judge('agreement_finalized', bareFacts({ opportunity: won, close_record: close }))).toMatchObject({ met: true, evidence: [close.id] });
  });

  it.each([
    ['still open, though a date is on the close record', { status: 'open' }, closeRecord(), /not marked as won/],
    ['lost', { status: 'lost' }, closeRecord(), /lost/],
    ['won, agreement not finalised', won, closeRecord({ agreement_finalized_on: null }), /not recorded as finalised/],
    ['won, no close record', won, null, /not recorded as finalised/],
  ] as [string, Partial<OpportunityRecord>, CloseRecordFact | null, RegExp][])('is not met when %s', (_what, opportunity, close, why) => {
    const verdict = judge('agreement_finalized', bareFacts({ opportunity, close_record: close }));
    expect(verdict.met).toBe(false);
    expect(verdict.lacking).toMatch(why);
  });
});

describe.each([
  ['close_reasons_documented', { close_reason_count: 0 }],
  ['win_summary_sent', { win_summary_sent_on: null }],
  ['advocacy_ask_made', { advocacy_ask: null }],
  ['next_cycle_goals_set', { next_cycle_goal_count: 0 }],
] as const)('%s', (id, lacking) => {
  it('is met by a close record that has it', () => {
    const close = closeRecord();
    expect(judge(id, bareFacts({ opportunity: won, close_record: close }))).toMatchObject({ met: true, evidence: [close.id] });
  });

  it('is not met by a close record without it, pointing at the record', () => {
    const close = closeRecord(lacking);
    expect(judge(id, bareFacts({ opportunity: won, close_record: close }))).toMatchObject({ met: false, evidence: [close.id] });
  });

  it('is not met before any close record exists', () => {
    expect(judge(id, bareFacts({ opportunity: won })).lacking).toMatch(/Nothing is recorded about the close/);
  });
});
