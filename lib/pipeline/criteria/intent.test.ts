import { describe, expect, it } from 'vitest';
import { INTENT_SIGNAL_KINDS, type IntentSignalKind } from '../facts';
import { bareFacts, meeting, signal, stakeholder } from '../testing/facts-factory';
import { judge } from '../testing/judge';
import { CRITERIA_BY_STAGE, type CriterionId } from './index';

/** Which signal kinds back which criterion: the mapping documented in intent.ts. */
const BACKED_BY: Partial<Record<CriterionId, IntentSignalKind[]>> = {
  decision_timing_known: ['decision_timing_known'],
  budget_owner_identified: ['budget_owner_identified'],
  approval_path_mapped: ['approval_path_mapped'],
  timeline_confirmed: ['timeline_confirmed'],
  verbal_commitment_with_path: [],
  procurement_engaged: ['procurement_engaged', 'stakeholder_introduced_procurement'],
  legal_review: ['legal_review'],
  security_review: ['security_review'],
  exec_conversation_scheduled: ['exec_conversation_scheduled'],
  commercial_partner_engaged: ['commercial_partner_engaged'],
};

describe('intent signals map onto the Intent criteria', () => {
  const intentIds = CRITERIA_BY_STAGE.intent.map((c) => c.id);

  it('the table above covers every Intent criterion', () => {
    expect(Object.keys(BACKED_BY).sort()).toEqual([...intentIds].sort());
  });

  describe.each(intentIds)('%s', (id) => {
    it.each(INTENT_SIGNAL_KINDS.map((kind) => [kind]))('a lone %s signal (no owners on next steps)', (kind) => {
      const verdict = judge(id, bareFacts({ intent_signals: [signal(kind, '2026-11-01')] }));
      expect(verdict.met).toBe(BACKED_BY[id]!.includes(kind));
    });
  });

  it.each(['renewal_planning_discussed', 'budget_reallocated', 'risk_raised', 'other'] as const)(
    'a %s signal backs no criterion: it is context, not a path',
    (kind) => {
      const facts = bareFacts({ intent_signals: [signal(kind, '2026-11-01', true)] });
      expect(intentIds.filter((id) => judge(id, facts).met)).toEqual([]);
    },
  );
});

describe('verbal_commitment_with_path', () => {
  it('is met by a yes whose next steps have owners', () => {
    const yes = signal('verbal_commitment', '2026-11-10', true);
    expect(judge('verbal_commitment_with_path', bareFacts({ intent_signals: [yes] }))).toMatchObject({ met: true, evidence: [yes.id] });
  });

  it('is not met by a yes without owned next steps, and points at that yes', () => {
    const yes = signal('verbal_commitment', '2026-11-10', false);
    const verdict = judge('verbal_commitment_with_path', bareFacts({ intent_signals: [yes] }));
    expect(verdict).toMatchObject({ met: false, evidence: [yes.id] });
    expect(verdict.lacking).toMatch(/no next step has an owner/);
  });

  it('owned next steps on another kind of signal do not make a yes', () => {
    expect(judge('verbal_commitment_with_path', bareFacts({ intent_signals: [signal('approval_path_mapped', '2026-11-10', true)] })).met).toBe(false);
  });
});

describe('budget_owner_identified', () => {
  it('is met by a stakeholder in the budget_owner role, even without a signal', () => {
    const owner = stakeholder('needs_education', ['budget_owner', 'finance']);
    expect(judge('budget_owner_identified', bareFacts({ stakeholders: [owner] }))).toMatchObject({ met: true, evidence: [owner.id] });
  });

  it('is not met by a finance stakeholder who is not known to own the budget', () => {
    expect(judge('budget_owner_identified', bareFacts({ stakeholders: [stakeholder('supporter', ['finance'])] })).met).toBe(false);
  });
});

describe('timeline_confirmed', () => {
  it('is met by a target date the customer confirmed', () => {
    const facts = bareFacts({ opportunity: { target_date: '2027-01-31', target_date_confirmed_on: '2026-11-02' } });
    expect(judge('timeline_confirmed', facts)).toMatchObject({ met: true, evidence: [facts.opportunity.id] });
  });

  it('is not met by a target date only we have set', () => {
    const verdict = judge('timeline_confirmed', bareFacts({ opportunity: { target_date: '2027-01-31' } }));
    expect(verdict.met).toBe(false);
    expect(verdict.lacking).toMatch(/not confirmed/);
  });

  it('is not met by a confirmation with no date to confirm', () => {
    expect(judge('timeline_confirmed', bareFacts({ opportunity: { target_date_confirmed_on: '2026-11-02' } })).met).toBe(false);
  });
});

describe('exec_conversation_scheduled (recommended)', () => {
  it.each([
    ['an executive conversation on the calendar next month', '2026-12-10'],
    ['an executive conversation already held', '2026-10-01'],
  ])('is met by %s', (_what, on) => {
    const m = meeting('executive_conversation', on);
    expect(judge('exec_conversation_scheduled', bareFacts({ meetings: [m] }))).toMatchObject({ met: true, evidence: [m.id] });
  });

  it('is not met by an alignment meeting', () => {
    expect(judge('exec_conversation_scheduled', bareFacts({ meetings: [meeting('alignment_meeting', '2026-10-01')] })).met).toBe(false);
  });
});
